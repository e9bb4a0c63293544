import datetime as dt

import factory

from figures.constants import Definition, Qualifier
from figures.models import OfficialFigure


class OfficialFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficialFigure

    said_by = "Ministry of Foreign Affairs"
    said_on = dt.date(2025, 3, 1)
    number = 100
    qualifier = Qualifier.AT_LEAST
    definition = Definition.HELD_IN
    nationality = "RU"
    country = "US"
    since_year = None
    source_url = factory.Sequence(lambda n: f"https://mfa.example.org/statements/{n}")
