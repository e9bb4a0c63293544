from django.contrib import messages
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from .preferences import SESSION_KEY, language_preference_save, supported


@require_POST
def switch_language(request):
    """Django's set_language (cookie, then back to `next`), and for a signed-in user the
    choice is saved to their account and session."""
    response = set_language(request)
    language = supported(request.POST.get("language"))
    if language is None:
        messages.error(request, _("That language is not offered."))
        return response
    if request.user.is_authenticated:
        language_preference_save(request.user, language)
        request.session[SESSION_KEY] = language
    return response
