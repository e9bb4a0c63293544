import datetime as dt

import factory

from cases.constants import DatePrecision
from cases.tests.factories import DetaineeFactory
from consular.constants import VisitKind, VisitOutcome
from consular.models import ConsularVisit


class ConsularVisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsularVisit

    detainee = factory.SubFactory(DetaineeFactory)
    visited_on = dt.date(2023, 4, 26)
    visited_on_precision = DatePrecision.DAY
    visitors = "Consul Jane Roe"
    kind = VisitKind.IN_PERSON
    outcome = VisitOutcome.COMPLETED
