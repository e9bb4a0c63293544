"""Every write path that changes a tracked record leaves a change history row: none goes
around the model's save() or delete() (a queryset UPDATE or bulk write would)."""

import datetime as dt

import pytest

from cases import services
from cases.models import CustodyPeriod, Nationality
from cases.partial_dates import PartialDate
from cases.tests.factories import (
    CustodyPeriodFactory,
    DetaineeFactory,
    FacilityFactory,
    NationalityFactory,
)

pytestmark = pytest.mark.django_db


def test_closing_a_custody_period_by_a_new_one_is_in_its_history():
    old = CustodyPeriodFactory(started_on=dt.date(2021, 1, 1))
    services.custody_period_record(
        detainee=old.detainee,
        facility=FacilityFactory(name="Second prison"),
        started=PartialDate.of(dt.date(2022, 3, 1), "day"),
    )
    old.refresh_from_db()
    assert old.ended_on == dt.date(2022, 3, 1)
    latest = CustodyPeriod.history.filter(id=old.pk).latest("history_date")
    assert latest.history_type == "~"
    assert latest.ended_on == dt.date(2022, 3, 1)
    assert latest.ended_on_precision == "day"


def test_removing_a_nationality_by_an_update_is_in_the_history():
    detainee = DetaineeFactory()
    NationalityFactory(detainee=detainee, country="RU")
    NationalityFactory(detainee=detainee, country="UA")
    services.detainee_update(detainee=detainee, changes={}, nationalities=["RU"])
    removed = Nationality.history.filter(detainee_id=detainee.pk, country="UA")
    assert list(removed.order_by("history_date").values_list("history_type", flat=True)) == [
        "+",
        "-",
    ]


def test_archiving_is_in_the_history_of_every_row_it_touches(admin_user):
    period = CustodyPeriodFactory()
    services.record_archive(record=period.detainee, user=admin_user, reason="entered twice")
    for model, pk in ((type(period.detainee), period.detainee.pk), (CustodyPeriod, period.pk)):
        latest = model.history.filter(id=pk).latest("history_date")
        assert latest.archived_at is not None
        assert latest.archived_by_id == admin_user.pk
        assert latest.history_change_reason == "entered twice"
