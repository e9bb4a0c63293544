"""Extraction results built by hand for tests of the Django side, so that those tests do not
depend on what the rules of the extractor find in a given text."""

from ingest.extractor import records as r


def span(text: str, phrase: str) -> r.Span:
    start = text.index(phrase)
    return r.Span(start, start + len(phrase))


def person(
    text: str,
    name: str,
    *,
    variants: tuple[str, ...] = (),
    nationality: tuple[str, str] | None = None,
    detaining: tuple[str, str] | None = None,
    facility: tuple[str, str] | None = None,
    charges: tuple[tuple[str, str, str], ...] = (),
    sentence: dict | None = None,
    max_penalty: tuple[int, str] | None = None,
    extradition: dict | None = None,
    visit: dict | None = None,
    status: tuple[str, str] | None = None,
    arrest: dict | None = None,
) -> r.Detainee:
    mentions = [r.NameMention(name, span(text, name))]
    mentions += [r.NameMention(v, span(text, v)) for v in variants if v in text]
    return r.Detainee(
        name=name,
        name_variants=(name, *variants),
        mentions=tuple(mentions),
        nationality=(r.Nationality(nationality[0], span(text, nationality[1])),)
        if nationality
        else (),
        detaining_country=r.CountryFact(detaining[0], span(text, detaining[1]))
        if detaining
        else None,
        facility=r.Facility(facility[0], span(text, facility[1])) if facility else None,
        charges=tuple(r.Charge(p, c, span(text, e)) for p, c, e in charges),
        sentence=r.CourtSentence(
            years=sentence.get("years"),
            months=sentence.get("months"),
            life=False,
            death=False,
            fine_amount=sentence.get("fine_amount"),
            fine_currency=sentence.get("fine_currency"),
            date=sentence.get("date"),
            commuted=False,
            evidence=span(text, sentence["evidence"]),
        )
        if sentence
        else None,
        max_penalty=r.MaxPenalty(max_penalty[0], False, span(text, max_penalty[1]))
        if max_penalty
        else None,
        extraditions=(
            r.Extradition(
                extradition.get("from"),
                extradition.get("to"),
                extradition.get("date"),
                extradition.get("status", "surrendered"),
                (span(text, extradition["evidence"]),),
            ),
        )
        if extradition
        else (),
        consular_visits=(
            r.ConsularVisit(
                visit.get("visitor"),
                visit.get("date"),
                "in_person",
                visit.get("denied", False),
                span(text, visit["evidence"]),
            ),
        )
        if visit
        else (),
        status=status[0] if status else "unknown",
        status_evidence=span(text, status[1]) if status else None,
        arrest=r.Arrest(
            arrest.get("date"),
            arrest.get("country"),
            arrest.get("place"),
            arrest.get("requested_by"),
            span(text, arrest["evidence"]),
        )
        if arrest
        else None,
    )


def result(*people: r.Detainee, version: str = "test-1") -> r.ExtractionResult:
    return r.ExtractionResult(
        detainees=tuple(people), published=None, language="en", extractor_version=version
    )


# An invented case, with every kind of fact.
TEXT_ALVAREZ = (
    "Published: 2024-06-03\n\n"
    "Chilean climber Tomas Alvarez jailed in Georgia\n\n"
    "A court in Tbilisi on Friday sentenced Chilean citizen Tomas Alvarez to seven years "
    "in prison and a fine of $20,000 for smuggling, his sister said.\n\n"
    "Alvarez, 35, was arrested in February and is held in Gldani prison.\n\n"
    "He faced up to ten years in prison.\n\n"
    "He was extradited from Armenia to Georgia in March.\n\n"
    "Consul Ana Rojas visited Alvarez on 20 May, the foreign ministry said.\n\n"
    "Alvarez was convicted after a two-day trial."
)


def alvarez(text: str = TEXT_ALVAREZ) -> r.Detainee:
    return person(
        text,
        "Tomas Alvarez",
        variants=("Alvarez",),
        nationality=("CL", "Chilean citizen"),
        detaining=("GE", "A court in Tbilisi"),
        facility=("Gldani prison", "held in Gldani prison"),
        charges=(("smuggling", "other", "for smuggling"),),
        sentence={
            "years": 7,
            "fine_amount": 20000.0,
            "fine_currency": "USD",
            "date": "2024-05-31",
            "evidence": "sentenced Chilean citizen Tomas Alvarez to seven years",
        },
        max_penalty=(10, "He faced up to ten years in prison."),
        extradition={
            "from": "AM",
            "to": "GE",
            "date": "2024-03",
            "evidence": "He was extradited from Armenia to Georgia in March.",
        },
        visit={
            "visitor": "Ana Rojas",
            "date": "2024-05-20",
            "evidence": "Consul Ana Rojas visited Alvarez on 20 May",
        },
        status=("convicted", "Alvarez was convicted after a two-day trial."),
        arrest={"date": "2024-02", "country": "GE", "evidence": "was arrested in February"},
    )
