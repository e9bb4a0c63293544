import datetime as dt
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cases import models
from cases.constants import (
    CaseStatus,
    ChargeCategory,
    DatePrecision,
    DetaineeStatus,
    ExtraditionStatus,
    FacilityKind,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        """`UserFactory(role="caseworker")` puts the user in that role's group."""
        if create and extracted:
            group, _ = Group.objects.get_or_create(name=extracted)
            self.groups.add(group)


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Source

    title = factory.Faker("sentence", nb_words=8)
    url = factory.Sequence(lambda n: f"https://news.example.org/story/{n}")
    outlet = factory.Faker(
        "random_element", elements=["Wire Service", "Daily Ledger", "The Courier"]
    )
    published_on = factory.Faker("date_between", start_date="-5y", end_date="today")
    published_on_precision = DatePrecision.DAY
    language = "en"


class FacilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Facility
        django_get_or_create = ("name", "country")

    name = factory.Sequence(lambda n: f"Facility {n}")
    kind = FacilityKind.PRISON
    country = "US"
    locality = factory.Faker("city")


class DetaineeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Detainee

    full_name = factory.Faker("name")
    status = DetaineeStatus.DETAINED


class NameVariantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.NameVariant

    detainee = factory.SubFactory(DetaineeFactory)
    name = factory.LazyAttribute(lambda v: v.detainee.full_name.upper())


class NationalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Nationality
        django_get_or_create = ("detainee", "country")

    detainee = factory.SubFactory(DetaineeFactory)
    country = "RU"


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Case

    detainee = factory.SubFactory(DetaineeFactory)
    country = "US"
    status = CaseStatus.PRE_TRIAL
    arrested_on = dt.date(2022, 6, 1)
    arrested_on_precision = DatePrecision.MONTH


class ChargeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Charge

    case = factory.SubFactory(CaseFactory)
    description = "wire fraud"
    category = ChargeCategory.FRAUD


class SentenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Sentence

    case = factory.SubFactory(CaseFactory)
    term_years = 5
    term_months = 0
    sentenced_on = dt.date(2023, 1, 1)
    sentenced_on_precision = DatePrecision.YEAR


class FineSentenceFactory(SentenceFactory):
    fine_amount = Decimal("1000.00")
    fine_currency = "USD"


class ExtraditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Extradition

    detainee = factory.SubFactory(DetaineeFactory)
    from_country = "TH"
    to_country = "US"
    status = ExtraditionStatus.SURRENDERED
    surrendered_on = dt.date(2022, 6, 1)
    surrendered_on_precision = DatePrecision.MONTH


class CustodyPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.CustodyPeriod

    detainee = factory.SubFactory(DetaineeFactory)
    facility = factory.SubFactory(FacilityFactory)
    started_on = dt.date(2022, 6, 1)
    started_on_precision = DatePrecision.DAY


class FactReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.FactReport

    detainee = factory.SubFactory(DetaineeFactory)
    fact = "status"
    value = DetaineeStatus.DETAINED
    as_of = dt.date(2023, 4, 6)
    as_of_precision = DatePrecision.DAY
    source = factory.SubFactory(SourceFactory)


class FactChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.FactChoice

    detainee = factory.SubFactory(DetaineeFactory)
    fact = "status"
    value = DetaineeStatus.DETAINED
    reason = "The court record says so."
