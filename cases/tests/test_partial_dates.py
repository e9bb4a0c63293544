import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cases.fields import PartialDateFormField
from cases.partial_dates import DAY, MONTH, YEAR, PartialDate, PartialDateError, parse


@pytest.mark.parametrize(
    ("text", "value", "precision", "iso", "shown"),
    [
        ("2019", dt.date(2019, 1, 1), YEAR, "2019", "2019"),
        ("2022-06", dt.date(2022, 6, 1), MONTH, "2022-06", "June 2022"),
        ("2017-04-21", dt.date(2017, 4, 21), DAY, "2017-04-21", "21 April 2017"),
        ("June 2022", dt.date(2022, 6, 1), MONTH, "2022-06", "June 2022"),
        ("April 21, 2017", dt.date(2017, 4, 21), DAY, "2017-04-21", "21 April 2017"),
        ("21 Apr 2017", dt.date(2017, 4, 21), DAY, "2017-04-21", "21 April 2017"),
    ],
)
def test_parse_keeps_precision(text, value, precision, iso, shown):
    date = parse(text)
    assert (date.value, date.precision) == (value, precision)
    assert date.isoformat() == iso
    assert str(date) == shown


@pytest.mark.parametrize(
    "text", ["", "yesterday", "2019-13", "2019-02-30", "Juneteenth 2020", "May32", "May 32"]
)
def test_parse_rejects_what_is_not_a_date(text):
    with pytest.raises(PartialDateError):
        parse(text)


def test_last_day_of_each_precision():
    assert parse("2024-02").last_day == dt.date(2024, 2, 29)
    assert parse("2019").last_day == dt.date(2019, 12, 31)
    assert parse("2019-05-03").last_day == dt.date(2019, 5, 3)


def test_value_must_be_the_start_of_its_period():
    with pytest.raises(PartialDateError):
        PartialDate(dt.date(2022, 6, 15), MONTH)
    assert PartialDate.of(dt.date(2022, 6, 15), MONTH).value == dt.date(2022, 6, 1)


def test_partial_dates_sort_by_start():
    dates = [parse("2022-06-15"), parse("2019"), parse("2022-06")]
    assert [d.isoformat() for d in sorted(dates)] == ["2019", "2022-06", "2022-06-15"]


@pytest.mark.parametrize(
    ("text", "value", "precision", "shown"),
    [
        ("6 апреля 2024", dt.date(2024, 4, 6), DAY, "6 апреля 2024"),
        ("06.04.2024", dt.date(2024, 4, 6), DAY, "6 апреля 2024"),
        ("12 декабря 2019 года", dt.date(2019, 12, 12), DAY, "12 декабря 2019"),
        ("1 мая 2020 г.", dt.date(2020, 5, 1), DAY, "1 мая 2020"),
        ("апрель 2024", dt.date(2024, 4, 1), MONTH, "Апрель 2024"),
        ("04.2024", dt.date(2024, 4, 1), MONTH, "Апрель 2024"),
        ("21 June 2019", dt.date(2019, 6, 21), DAY, "21 июня 2019"),
    ],
)
def test_parse_reads_russian_dates_in_a_russian_interface(text, value, precision, shown):
    with translation.override("ru"):
        date = parse(text)
        assert (date.value, date.precision) == (value, precision)
        assert str(date) == shown


def test_a_russian_month_name_is_read_in_english_too_but_figures_alone_only_in_russian():
    with translation.override("en"):
        assert parse("6 апреля 2024") == PartialDate(dt.date(2024, 4, 6), DAY)
        # An English reader may mean the 4th of June: ask for an unambiguous form.
        with pytest.raises(PartialDateError):
            parse("06.04.2024")


@pytest.mark.parametrize(
    "text", ["6 апреля", "вчера", "31.02.2024", "апрель", "Пасха 2020", "мая 32", "06.04.24"]
)
def test_russian_text_that_is_not_a_whole_date_is_refused(text):
    with translation.override("ru"), pytest.raises(PartialDateError):
        parse(text)


def test_a_date_box_accepts_a_russian_date_in_a_russian_interface():
    field = PartialDateFormField(required=False)
    with translation.override("ru"):
        assert field.clean("6 апреля 2024") == PartialDate(dt.date(2024, 4, 6), DAY)
        assert field.clean("06.04.2024") == PartialDate(dt.date(2024, 4, 6), DAY)
        with pytest.raises(ValidationError, match="не дата"):
            field.clean("6 апреля")
