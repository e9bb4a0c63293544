import datetime as dt

import factory

from cases.tests.factories import DetaineeFactory
from casework.constants import TaskKind
from casework.models import CadenceRule, Task, Watch, WelfareFlag


class CadenceRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CadenceRule
        django_get_or_create = ("priority", "country", "welfare_concern")

    name = factory.Sequence(lambda n: f"Rule {n}")
    priority = ""
    country = ""
    welfare_concern = False
    first_contact_hours = 24
    first_visit_days = 14
    visit_interval_days = 90
    due_soon_days = 14


class WelfareFlagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WelfareFlag

    detainee = factory.SubFactory(DetaineeFactory)
    reason = "Needs insulin"


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    detainee = factory.SubFactory(DetaineeFactory)
    kind = TaskKind.COURT_HEARING
    title = "Hearing on bail"
    due_on = dt.date(2026, 12, 1)


class WatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Watch

    detainee = factory.SubFactory(DetaineeFactory)
