from django import template

from ingest.reasons import reason_display

register = template.Library()


@register.filter
def reason(note: str) -> str:
    """An article's stored reason or event note in the reader's language."""
    return reason_display(note or "")
