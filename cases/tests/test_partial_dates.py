import datetime as dt

import pytest

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


@pytest.mark.parametrize("text", ["", "yesterday", "2019-13", "2019-02-30", "Juneteenth 2020"])
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
