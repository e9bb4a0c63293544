"""Official figures for the demo: a few cited claims of the kind analysts set beside the
record ("more than 100 Russians in US prisons", "59 extradited from third countries since
2017"). The numbers, speakers and occasions are invented for the demonstration, in the
shape such statements take; each says so in its notes."""

import datetime as dt

from figures.constants import Definition, Qualifier
from figures.models import OfficialFigure
from figures.services import figure_record

DEMO_NOTE = "Invented for the demo: not a real statement."

FIGURES = [
    {
        "said_by": "A human-rights commissioner (demo)",
        "said_on": dt.date(2025, 10, 14),
        "number": 100,
        "qualifier": Qualifier.AT_LEAST,
        "definition": Definition.HELD_IN,
        "nationality": "RU",
        "country": "US",
        "source_document": "Annual report, section on citizens abroad (demo)",
    },
    {
        "said_by": "Foreign ministry spokesperson (demo)",
        "said_on": dt.date(2025, 6, 5),
        "number": 59,
        "definition": Definition.EXTRADITED_SINCE,
        "nationality": "RU",
        "country": "US",
        "since_year": 2017,
        "source_document": "Weekly press briefing of the Foreign Ministry",
    },
    {
        "said_by": "An embassy in Germany (demo)",
        "said_on": dt.date(2025, 3, 20),
        "number": 12,
        "qualifier": Qualifier.ABOUT,
        "definition": Definition.HELD_IN,
        "nationality": "RU",
        "country": "DE",
        "source_document": "Reply to a newspaper's enquiry on consular cases",
    },
    {
        "said_by": "A justice ministry (demo)",
        "said_on": dt.date(2024, 11, 28),
        "number": 9,
        "definition": Definition.DETAINED_SINCE,
        "nationality": "RU",
        "country": "PL",
        "since_year": 2022,
        "source_document": "Answer to a parliamentary question",
    },
]


def load_official_figures() -> int:
    """Records the demo's official figures; does nothing the second time. Answers how many
    were recorded."""
    if OfficialFigure.objects.exists():
        return 0
    for figure in FIGURES:
        figure_record(**figure, notes=DEMO_NOTE)
    return len(FIGURES)
