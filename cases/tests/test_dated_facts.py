"""Dated reports: the current values follow the latest dated facts, extraditions only move
forward, and sources that disagree are kept side by side until a caseworker chooses."""

import pytest
from django.db import IntegrityError, transaction

from cases import dated_facts, services
from cases.constants import DetaineeStatus, ExtraditionStatus, ReportedFact
from cases.errors import Conflict, DomainError
from cases.models import Detainee, Extradition, FactChoice, FactReport
from cases.partial_dates import parse
from cases.tests.factories import (
    CaseFactory,
    DetaineeFactory,
    ExtraditionFactory,
    FacilityFactory,
    FactChoiceFactory,
    FactReportFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def source(published: str, title: str = ""):
    date = parse(published)
    return SourceFactory(
        published_on=date.value, published_on_precision=date.precision, title=title or published
    )


# --- Current values from the latest dated report -----------------------------------------


def test_an_older_report_joins_the_record_without_moving_the_status_back():
    detainee = DetaineeFactory(status=DetaineeStatus.UNKNOWN)
    services.detainee_status_record(
        detainee=detainee, status=DetaineeStatus.CONVICTED, source=source("2024-03-01")
    )
    services.detainee_status_record(
        detainee=detainee, status=DetaineeStatus.CHARGED, source=source("2021-05-10")
    )
    detainee.refresh_from_db()
    assert detainee.status == DetaineeStatus.CONVICTED
    # Both are on the record, each dated by its article.
    assert sorted(
        (r.value, r.reported_as_of.isoformat())
        for r in FactReport.objects.filter(detainee=detainee, fact=ReportedFact.STATUS)
    ) == [("charged", "2021-05-10"), ("convicted", "2024-03-01")]


def test_a_newer_report_moves_the_status_forward():
    detainee = DetaineeFactory(status=DetaineeStatus.UNKNOWN)
    services.detainee_status_record(
        detainee=detainee, status=DetaineeStatus.CHARGED, source=source("2021-05-10")
    )
    services.detainee_status_record(
        detainee=detainee, status=DetaineeStatus.CONVICTED, source=source("2024-03-01")
    )
    detainee.refresh_from_db()
    assert detainee.status == DetaineeStatus.CONVICTED


def test_an_event_date_in_the_text_outranks_the_publication_date():
    detainee = DetaineeFactory(status=DetaineeStatus.UNKNOWN)
    # Published late, but about 2019.
    services.detainee_status_record(
        detainee=detainee,
        status=DetaineeStatus.DEPORTED,
        as_of=parse("2019-10"),
        source=source("2024-06-01"),
    )
    services.detainee_status_record(
        detainee=detainee, status=DetaineeStatus.CONVICTED, source=source("2020-02-01")
    )
    detainee.refresh_from_db()
    assert detainee.status == DetaineeStatus.CONVICTED


def test_a_caseworkers_edit_is_a_report_as_of_today():
    detainee = DetaineeFactory(status=DetaineeStatus.UNKNOWN)
    services.detainee_status_record(
        detainee=detainee, status=DetaineeStatus.CONVICTED, source=source("2024-03-01")
    )
    services.detainee_update(detainee=detainee, changes={"status": DetaineeStatus.RELEASED})
    detainee.refresh_from_db()
    assert detainee.status == DetaineeStatus.RELEASED
    assert FactReport.objects.filter(
        detainee=detainee, value=DetaineeStatus.RELEASED, source__isnull=True
    ).exists()


def test_detaining_country_and_facility_follow_the_latest_reports():
    detainee = DetaineeFactory(status=DetaineeStatus.DETAINED)
    pankrac = FacilityFactory(name="Pankrac", country="CZ")
    butner = FacilityFactory(name="Butner", country="US")
    services.custody_period_record(detainee=detainee, facility=butner, source=source("2023-04-06"))
    services.detainee_country_record(detainee=detainee, country="US", source=source("2023-04-06"))
    # An older article: held in Prague, by the Czech Republic.
    old = source("2017-02-01")
    services.custody_period_record(detainee=detainee, facility=pankrac, source=old)
    services.detainee_country_record(detainee=detainee, country="CZ", source=old)
    detainee.refresh_from_db()
    assert detainee.current_facility == butner
    assert detainee.detaining_country.code == "US"


def test_a_newer_release_ends_custody_and_detention():
    detainee = DetaineeFactory(status=DetaineeStatus.UNKNOWN)
    butner = FacilityFactory(name="Butner", country="US")
    services.detainee_status_record(
        detainee=detainee, status=DetaineeStatus.CONVICTED, source=source("2023-04-06")
    )
    services.custody_period_record(detainee=detainee, facility=butner, source=source("2023-04-06"))
    services.detainee_status_record(
        detainee=detainee,
        status=DetaineeStatus.EXCHANGED,
        as_of=parse("2024-08-01"),
        source=source("2024-08-01"),
    )
    detainee.refresh_from_db()
    assert detainee.status == DetaineeStatus.EXCHANGED
    assert detainee.current_facility is None
    assert detainee.detaining_country.code == ""


# --- Extraditions only move forward --------------------------------------------------------


def test_an_older_requested_report_leaves_a_surrender_and_its_date():
    detainee = DetaineeFactory()
    services.extradition_record(
        detainee=detainee,
        from_country="CZ",
        to_country="US",
        status=ExtraditionStatus.SURRENDERED,
        surrendered=parse("2018-03-30"),
        source=source("2018-03-31"),
    )
    extradition = services.extradition_record(
        detainee=detainee,
        from_country="CZ",
        to_country="US",
        status=ExtraditionStatus.REQUESTED,
        source=source("2021-01-15"),
    )
    extradition.refresh_from_db()
    assert extradition.status == ExtraditionStatus.SURRENDERED
    assert extradition.surrendered.isoformat() == "2018-03-30"
    # The requesting country holds him from the surrender.
    detainee.refresh_from_db()
    assert detainee.detaining_country.code == "US"
    assert extradition.reports.count() == 2


def test_an_extradition_moves_forward_and_ends_only_on_a_later_refusal():
    detainee = DetaineeFactory()
    record = dict(detainee=detainee, from_country="TH", to_country="US")
    services.extradition_record(
        **record, status=ExtraditionStatus.REQUESTED, source=source("2020-01-01")
    )
    services.extradition_record(
        **record, status=ExtraditionStatus.APPROVED, source=source("2020-06-01")
    )
    # An earlier refusal (reported late, dated by the text) does not undo the approval.
    services.extradition_record(
        **record,
        status=ExtraditionStatus.REFUSED,
        as_of=parse("2020-03"),
        source=source("2022-01-01"),
    )
    extradition = Extradition.objects.get(detainee=detainee)
    assert extradition.status == ExtraditionStatus.APPROVED
    services.extradition_record(
        **record, status=ExtraditionStatus.WITHDRAWN, source=source("2021-02-01")
    )
    extradition.refresh_from_db()
    assert extradition.status == ExtraditionStatus.WITHDRAWN


def test_a_caseworker_cannot_move_an_extradition_back():
    detainee = DetaineeFactory()
    extradition = services.extradition_record(
        detainee=detainee,
        from_country="CZ",
        to_country="US",
        status=ExtraditionStatus.SURRENDERED,
        surrendered=parse("2018-03-30"),
        source=source("2018-03-31"),
    )
    with pytest.raises(DomainError, match="only moves forward"):
        services.record_update(
            record=extradition,
            changes={"status": ExtraditionStatus.REQUESTED, "surrendered_on": None},
        )
    extradition.refresh_from_db()
    assert extradition.status == ExtraditionStatus.SURRENDERED
    assert extradition.surrendered.isoformat() == "2018-03-30"


def test_a_surrender_date_without_a_surrender_is_refused_by_the_database():
    extradition = ExtraditionFactory(status=ExtraditionStatus.SURRENDERED)
    with pytest.raises(IntegrityError), transaction.atomic():
        Extradition.objects.filter(pk=extradition.pk).update(status=ExtraditionStatus.REQUESTED)


def test_a_surrender_date_needs_the_status_surrendered():
    with pytest.raises(DomainError, match="surrender date"):
        services.extradition_record(
            detainee=DetaineeFactory(),
            from_country="CZ",
            to_country="US",
            status=ExtraditionStatus.REQUESTED,
            surrendered=parse("2018-03-30"),
        )


# --- Sources that disagree -----------------------------------------------------------------


def test_two_terms_for_one_sentence_are_kept_with_their_sources():
    case = CaseFactory(detainee=DetaineeFactory())
    first, second = source("2017-04-22", "Sentenced to 27 years"), source("2017-04-23", "25")
    sentence = services.sentence_record(
        case=case, sentenced=parse("2017-04-21"), term_years=27, source=first
    )
    again = services.sentence_record(
        case=case, sentenced=parse("2017-04-21"), term_years=25, source=second
    )
    assert again == sentence
    sentence.refresh_from_db()
    assert sentence.term_years == 27  # the record keeps its value until someone chooses
    assert case.sentences.count() == 1
    reports = FactReport.objects.filter(sentence=sentence)
    assert {(r.value, r.source_id) for r in reports} == {("P27Y", first.pk), ("P25Y", second.pk)}


def test_a_caseworker_chooses_the_term_with_a_reason_that_is_kept():
    caseworker = UserFactory(username="chooser")
    case = CaseFactory(detainee=DetaineeFactory())
    sentence = services.sentence_record(
        case=case, sentenced=parse("2017-04-21"), term_years=27, source=source("2017-04-22")
    )
    services.sentence_record(
        case=case, sentenced=parse("2017-04-21"), term_years=25, source=source("2017-04-23")
    )
    choice = services.fact_choose(
        detainee=case.detainee,
        fact=ReportedFact.SENTENCE_TERM,
        sentence=sentence,
        value="P25Y",
        reason="The judgment itself says 25 years.",
        user=caseworker,
    )
    sentence.refresh_from_db()
    assert (sentence.term_years, sentence.term_months) == (25, None)
    row = choice.history.latest()
    assert (row.history_user, row.reason) == (caseworker, "The judgment itself says 25 years.")
    assert sentence.history.latest().history_change_reason.startswith("The judgment")


def test_a_choice_needs_a_reason_and_a_value_some_source_gives():
    case = CaseFactory(detainee=DetaineeFactory())
    sentence = services.sentence_record(
        case=case, sentenced=parse("2017-04-21"), term_years=27, source=source("2017-04-22")
    )
    choose = dict(
        detainee=case.detainee,
        fact=ReportedFact.SENTENCE_TERM,
        sentence=sentence,
        user=UserFactory(),
    )
    with pytest.raises(Conflict, match="not disputed"):
        services.fact_choose(**choose, value="P27Y", reason="sure")
    services.sentence_record(
        case=case, sentenced=parse("2017-04-21"), term_years=25, source=source("2017-04-23")
    )
    with pytest.raises(DomainError, match="Say why"):
        services.fact_choose(**choose, value="P25Y", reason="  ")
    with pytest.raises(DomainError, match="not one of the values"):
        services.fact_choose(**choose, value="P30Y", reason="a guess")
    assert not FactChoice.objects.exists()


def test_dates_of_birth_that_disagree_are_a_dispute_and_a_finer_one_refines():
    detainee = services.detainee_create(
        full_name="Ivan Testov", date_of_birth=parse("1980"), source=source("2020-01-01")
    )
    services.detainee_birth_date_record(
        detainee=detainee, date_of_birth=parse("1980-05-02"), source=source("2021-01-01")
    )
    detainee.refresh_from_db()
    assert detainee.birth_date.isoformat() == "1980-05-02"
    services.detainee_birth_date_record(
        detainee=detainee, date_of_birth=parse("1981"), source=source("2022-01-01")
    )
    detainee.refresh_from_db()
    assert detainee.birth_date.isoformat() == "1980-05-02"
    services.fact_choose(
        detainee=detainee,
        fact=ReportedFact.DATE_OF_BIRTH,
        value="1981",
        reason="Passport copy",
        user=UserFactory(),
    )
    detainee.refresh_from_db()
    assert detainee.birth_date.isoformat() == "1981"


def test_two_facilities_on_the_same_date_are_a_dispute_a_caseworker_settles():
    detainee = DetaineeFactory(status=DetaineeStatus.DETAINED)
    butner = FacilityFactory(name="Butner", country="US")
    brooklyn = FacilityFactory(name="Brooklyn", country="US")
    services.custody_period_record(
        detainee=detainee, facility=butner, as_of=parse("2023-04-06"), source=source("2023-04-07")
    )
    services.custody_period_record(
        detainee=detainee,
        facility=brooklyn,
        as_of=parse("2023-04-06"),
        source=source("2023-04-08"),
    )
    detainee.refresh_from_db()
    assert detainee.current_facility == brooklyn  # the last recorded shows until a choice
    services.fact_choose(
        detainee=detainee,
        fact=ReportedFact.FACILITY,
        value=str(butner.pk),
        reason="The embassy confirmed Butner.",
        user=UserFactory(),
    )
    detainee.refresh_from_db()
    assert detainee.current_facility == butner


def test_factories_make_valid_rows():
    report = FactReportFactory()
    choice = FactChoiceFactory(detainee=report.detainee)
    assert report.reported_as_of.isoformat() == "2023-04-06"
    assert choice.reason


def test_a_status_saved_by_a_form_is_kept_when_older_news_arrives():
    detainee = DetaineeFactory(status=DetaineeStatus.UNKNOWN)
    services.detainee_status_record(
        detainee=detainee, status=DetaineeStatus.CONVICTED, source=source("2024-03-01")
    )
    Detainee.objects.filter(pk=detainee.pk).update(status=DetaineeStatus.RELEASED)  # the form
    assert services.detainee_edits_settle(detainee=detainee, status_edited=True) == []
    services.detainee_status_record(
        detainee=detainee, status=DetaineeStatus.CHARGED, source=source("2021-01-01")
    )
    detainee.refresh_from_db()
    assert detainee.status == DetaineeStatus.RELEASED


def test_an_extradition_a_form_moved_back_is_put_forward_with_a_message():
    detainee = DetaineeFactory()
    extradition = services.extradition_record(
        detainee=detainee,
        from_country="CZ",
        to_country="US",
        status=ExtraditionStatus.SURRENDERED,
        surrendered=parse("2018-03-30"),
        source=source("2018-03-31"),
    )
    Extradition.objects.filter(pk=extradition.pk).update(  # the form
        status=ExtraditionStatus.APPROVED, surrendered_on=None, surrendered_on_precision=""
    )
    (message,) = services.detainee_edits_settle(
        detainee=detainee, extraditions_edited=[extradition]
    )
    assert "only moves forward" in message
    extradition.refresh_from_db()
    assert extradition.status == ExtraditionStatus.SURRENDERED


def test_a_caseworker_changing_a_value_back_the_same_day_is_the_last_word():
    detainee = DetaineeFactory(status=DetaineeStatus.DETAINED)
    for status in (DetaineeStatus.CHARGED, DetaineeStatus.ON_TRIAL, DetaineeStatus.CHARGED):
        services.detainee_update(detainee=detainee, changes={"status": status})
    detainee.refresh_from_db()
    assert detainee.status == DetaineeStatus.CHARGED
    reports = list(FactReport.objects.filter(detainee=detainee).select_related("source"))
    assert not dated_facts.fact_state(ReportedFact.STATUS, reports).disputed


# --- Archiving a fact the current values derive from ---------------------------------------


def test_archiving_a_custody_period_derives_the_current_values_again(admin_user):
    detainee = DetaineeFactory(status=DetaineeStatus.DETAINED)
    pankrac = FacilityFactory(name="Pankrac", country="CZ")
    butner = FacilityFactory(name="Butner", country="US")
    services.custody_period_record(
        detainee=detainee, facility=pankrac, started=parse("2016-10"), source=source("2016-10")
    )
    wrong = services.custody_period_record(
        detainee=detainee, facility=butner, source=source("2018-03")
    )
    detainee.refresh_from_db()
    assert (detainee.current_facility, detainee.detaining_country.code) == (butner, "US")

    # Entered by mistake: archived, the person is where the record held them before.
    services.record_archive(record=wrong, user=admin_user, reason="another person's")
    detainee.refresh_from_db()
    assert (detainee.current_facility, detainee.detaining_country.code) == (pankrac, "CZ")

    services.record_restore(record=wrong, user=admin_user)
    detainee.refresh_from_db()
    assert (detainee.current_facility, detainee.detaining_country.code) == (butner, "US")


def test_archiving_the_only_custody_period_leaves_no_current_facility(admin_user):
    detainee = DetaineeFactory(status=DetaineeStatus.DETAINED)
    butner = FacilityFactory(name="Butner", country="US")
    period = services.custody_period_record(
        detainee=detainee, facility=butner, source=source("2023-04-06")
    )
    detainee.refresh_from_db()
    assert detainee.current_facility == butner
    services.record_archive(record=period, user=admin_user)
    detainee.refresh_from_db()
    assert (detainee.current_facility, detainee.detaining_country.code) == (None, "")


def test_correcting_an_archived_person_keeps_the_custody_archived_with_them(admin_user):
    detainee = DetaineeFactory(status=DetaineeStatus.DETAINED)
    pankrac = FacilityFactory(name="Pankrac", country="CZ")
    services.custody_period_record(
        detainee=detainee, facility=pankrac, started=parse("2016-10"), source=source("2016-10")
    )
    period = detainee.custody_periods.get()
    services.record_update(record=period, changes={"ended_on": parse("2018-03-30")})
    detainee.refresh_from_db()
    assert detainee.current_facility is None  # no longer held at Pankrac

    services.record_archive(record=detainee, user=admin_user, reason="entered twice")
    # An administrator corrects the archived record: its ended stay at Pankrac still counts.
    archived = Detainee.all_objects.get(pk=detainee.pk)
    services.record_update(record=archived, changes={"status": DetaineeStatus.CONVICTED})
    archived = Detainee.all_objects.get(pk=detainee.pk)
    assert archived.status == DetaineeStatus.CONVICTED
    assert archived.current_facility is None
