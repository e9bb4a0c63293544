"""Sources and citing them: one source per URL, only web addresses as links, and the
citation that says a source supports a fact."""

from django.db.models import Model

from ..constants import SourceKind
from ..errors import DomainError
from ..fields import is_web_address, web_address_validator
from ..models import Source
from ..partial_dates import PartialDate
from .field_values import _date_kwargs


def cite(fact: Model, source: Source | None, quote: str = "") -> None:
    """Records that `source` supports `fact`; citing twice keeps the first quote."""
    if source is None:
        return
    fact.citations.get_or_create(source=source, defaults={"quote": quote[:5000]})


def source_get_or_create(
    *,
    url: str = "",
    title: str = "",
    outlet: str = "",
    published: PartialDate | None = None,
    language: str = "",
    kind: str = SourceKind.ARTICLE,
) -> Source:
    """One row per URL; a source without a URL is matched on title and outlet."""
    check_web_address(url)
    lookup = {"url": url} if url else {"url": "", "title": title, "outlet": outlet}
    source, _created = Source.objects.get_or_create(
        **lookup,
        defaults={
            "title": title,
            "outlet": outlet,
            "language": language,
            "kind": kind,
            **_date_kwargs("published_on", published),
        },
    )
    return source


def check_web_address(url: str, *, field: str = "url") -> None:
    """Only http(s) addresses are stored as links: others could run script when clicked."""
    if url and not is_web_address(url):
        raise DomainError(web_address_validator.message, field=field)
