import pytest

from cases.partial_dates import parse
from cases.tests.factories import DetaineeFactory
from consular.models import ConsularVisit
from consular.services import visit_record

pytestmark = pytest.mark.django_db


def test_an_undated_report_of_a_known_visit_cites_it_instead_of_adding_one():
    person = DetaineeFactory()
    dated = visit_record(detainee=person, visitors="Ambassador Ana Ruiz", visited=parse("2023-04"))
    again = visit_record(detainee=person, visitors="Ana Ruiz")
    assert again == dated
    assert ConsularVisit.objects.count() == 1


def test_a_dated_report_on_another_day_is_another_visit():
    person = DetaineeFactory()
    visit_record(detainee=person, visitors="Consul Li Wen", visited=parse("2023-04-26"))
    visit_record(detainee=person, visitors="Consul Li Wen", visited=parse("2023-06-02"))
    visit_record(detainee=person, visitors="Consul Li Wen", visited=parse("2023-06-02"))
    assert ConsularVisit.objects.count() == 2


def test_an_undated_visit_by_someone_new_is_recorded():
    person = DetaineeFactory()
    visit_record(detainee=person, visitors="Consul Li Wen", visited=parse("2023-04-26"))
    visit_record(detainee=person, visitors="Vice-consul Omar Haddad")
    assert ConsularVisit.objects.count() == 2
