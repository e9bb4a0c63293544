import factory

from ingest import intake
from ingest.constants import ArticleOrigin, ArticleState, DraftStatus, FactKind
from ingest.models import Article, Draft, DraftFact, Feed


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    origin = ArticleOrigin.PASTE
    state = ArticleState.READY
    title = factory.Sequence(lambda n: f"Local trader held abroad, report {n}")
    outlet = "Daily Ledger"
    text = factory.Sequence(lambda n: f"Report number {n}: a trader was detained at the border.")
    text_hash = factory.LazyAttribute(lambda a: intake.text_hash(a.text))
    language = "en"


class FeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feed

    url = factory.Sequence(lambda n: f"https://news.example.org/feed/{n}.xml")
    title = "Example feed"


class DraftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Draft

    article = factory.SubFactory(ArticleFactory)
    name = "Ivor Quill"
    person_key = factory.Sequence(lambda n: f"key{n}")
    extractor_version = "test-1"
    status = DraftStatus.PENDING


class DraftFactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DraftFact

    draft = factory.SubFactory(DraftFactory)
    kind = FactKind.NAME
    value = factory.LazyAttribute(lambda f: {"name": f.draft.name})
    extracted_value = factory.LazyAttribute(lambda f: f.value)
    spans = factory.LazyFunction(list)
    quote = ""


def dated_draft(*, name: str, published, title: str, facts, quote: str = ""):
    """A draft as the extractor leaves it, for an invented article published that day: its
    name fact, then `facts` as (kind, value) pairs in order."""
    from cases.constants import DatePrecision

    address = f"https://news.example.org/{published:%Y}/{title.lower().replace(' ', '-')}"
    article = ArticleFactory(
        title=title,
        url=address,
        canonical_url=address,
        published_on=published,
        published_on_precision=DatePrecision.DAY,
    )
    draft = DraftFactory(article=article, name=name)
    DraftFactFactory(draft=draft, kind=FactKind.NAME, value={"name": name}, position=0)
    for position, (kind, value) in enumerate(facts, start=1):
        DraftFactFactory(draft=draft, kind=kind, value=value, position=position, quote=quote)
    return draft
