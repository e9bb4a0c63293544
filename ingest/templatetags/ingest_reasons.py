from django import template

from ingest.reasons import reason_display

register = template.Library()


@register.filter
def reason(note: str, user=None) -> str:
    """An article's stored reason or event note in the reader's language; a failure's raw
    detail is shown when `user` is staff."""
    return reason_display(note or "", staff=bool(getattr(user, "is_staff", False)))
