"""Small helpers for the caseworker templates: navigation facts and sortable headers."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cases import roles
from cases.fields import is_web_address

register = template.Library()


@register.simple_tag
def role_of(user) -> str:
    return roles.role_of(user) or "no role"


# Each role as the pages name it (the groups themselves keep their short English names).
ROLE_LABELS = {
    roles.VIEWER: _("viewer"),
    roles.CASEWORKER: _("caseworker"),
    roles.REVIEWER: _("reviewer"),
    roles.ADMIN: _("admin"),
}


@register.simple_tag
def role_label(user) -> str:
    role = roles.role_of(user)
    return ROLE_LABELS.get(role, role) if role else _("no role")


@register.simple_tag
def review_queue_count(user) -> int | None:
    """Drafts awaiting review, for those who may review them; None hides the link."""
    if not user.is_authenticated or not user.has_perm("ingest.review_draft"):
        return None
    from ingest.models import Draft

    return Draft.objects.visible_to(user).awaiting_review().count()


@register.simple_tag(takes_context=True)
def sort_header(context, key: str, label: str):
    """A column header that sorts the list by `key`, then reverses on a second click.
    Carries the current filters and tells screen readers the sort direction."""
    current = context.get("sort") or "name"
    ascending = current == key
    descending = current == f"-{key}"
    target = f"-{key}" if ascending else key
    params = context["request"].GET.copy()
    params["sort"] = target
    params.pop("page", None)
    arrow = "▲" if ascending else "▼" if descending else ""
    state = "ascending" if ascending else "descending" if descending else "none"
    return format_html(
        '<th scope="col" aria-sort="{}"><a href="?{}" hx-get="?{}" hx-target="#results" '
        'hx-push-url="true">{} <span aria-hidden="true">{}</span></a></th>',
        state,
        params.urlencode(),
        params.urlencode(),
        label,
        arrow,
    )


@register.filter
def days_label(days) -> str:
    if days is None:
        return ""
    return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}


@register.filter
def web_address(value) -> str:
    """The value if it is an http(s) address, else "": `href="{{ url|web_address }}"` never
    carries a `javascript:` link, whatever was stored."""
    return value if is_web_address(value) else ""


@register.simple_tag(takes_context=True)
def querystring_with(context, name: str, value) -> str:
    """The current query string with one parameter set: each paged list on a page keeps
    the others' pages."""
    params = context["request"].GET.copy()
    params[name] = value
    return f"?{params.urlencode()}"
