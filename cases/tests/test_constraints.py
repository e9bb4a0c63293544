"""Rules the database itself enforces, whatever path a write takes."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from cases.constants import DatePrecision
from cases.models import Charge, Detainee
from cases.tests.factories import (
    CaseFactory,
    ChargeFactory,
    CustodyPeriodFactory,
    DetaineeFactory,
    ExtraditionFactory,
    NationalityFactory,
    SentenceFactory,
)

pytestmark = pytest.mark.django_db


def violates(factory, **kwargs) -> bool:
    try:
        with transaction.atomic():
            factory(**kwargs)
    except IntegrityError:
        return True
    return False


def test_extradition_countries_must_differ():
    assert violates(ExtraditionFactory, from_country="US", to_country="US")
    assert not violates(ExtraditionFactory, from_country="TH", to_country="US")


def test_custody_period_ends_after_it_starts():
    assert violates(
        CustodyPeriodFactory,
        started_on=dt.date(2022, 6, 1),
        ended_on=dt.date(2021, 1, 1),
        ended_on_precision=DatePrecision.DAY,
    )
    assert not violates(
        CustodyPeriodFactory,
        started_on=dt.date(2022, 6, 1),
        ended_on=dt.date(2022, 6, 1),
        ended_on_precision=DatePrecision.DAY,
    )


def test_sentence_term_is_not_negative_and_months_under_twelve():
    assert violates(SentenceFactory, term_years=-1)
    assert violates(SentenceFactory, term_months=12)
    assert not violates(SentenceFactory, term_years=27, term_months=0)


def test_life_sentence_has_no_term():
    assert violates(SentenceFactory, is_life=True, term_years=10)
    assert not violates(SentenceFactory, is_life=True, term_years=None, term_months=None)


def test_fine_needs_an_iso_currency_and_a_currency_needs_an_amount():
    assert violates(SentenceFactory, fine_amount=Decimal("170000000"), fine_currency="")
    assert violates(SentenceFactory, fine_amount=Decimal("5"), fine_currency="usd")
    assert violates(SentenceFactory, fine_amount=None, fine_currency="USD")
    assert violates(SentenceFactory, fine_amount=Decimal("-5"), fine_currency="USD")
    assert not violates(SentenceFactory, fine_amount=Decimal("170000000"), fine_currency="USD")


def test_fine_is_stored_as_exact_decimal():
    sentence = SentenceFactory(fine_amount=Decimal("170000000.10"), fine_currency="USD")
    sentence.refresh_from_db()
    assert sentence.fine_amount == Decimal("170000000.10")
    assert sentence.fine_display == "USD 170,000,000.10"


def test_choices_are_checked_by_the_database():
    assert violates(DetaineeFactory, status="vanished")
    assert violates(ChargeFactory, category="jaywalking")


def test_a_date_and_its_precision_come_together():
    assert violates(CaseFactory, arrested_on=dt.date(2022, 6, 1), arrested_on_precision="")
    assert violates(CaseFactory, arrested_on=None, arrested_on_precision=DatePrecision.DAY)
    assert violates(CaseFactory, arrested_on=dt.date(2022, 6, 1), arrested_on_precision="week")


def test_one_nationality_row_per_country():
    detainee = DetaineeFactory()
    NationalityFactory(detainee=detainee, country="RU")
    with pytest.raises(IntegrityError), transaction.atomic():
        Detainee.objects.get(pk=detainee.pk).nationalities.create(country="RU")


def test_legal_records_cannot_vanish_in_a_cascade():
    charge = ChargeFactory()
    with pytest.raises(ProtectedError):
        charge.case.detainee.delete()
    with pytest.raises(ProtectedError):
        charge.case.delete()
    assert Charge.objects.filter(pk=charge.pk).exists()


def test_changes_are_recorded_in_history():
    detainee = DetaineeFactory(full_name="Test Person")
    detainee.status = "convicted"
    detainee.save()
    history = list(detainee.history.order_by("history_date"))
    assert [h.status for h in history] == ["detained", "convicted"]
    assert history[-1].history_type == "~"
