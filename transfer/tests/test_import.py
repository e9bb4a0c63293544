"""Importing detainees, cases and visits from CSV and XLSX: a preview that writes nothing,
errors per row in plain words, all rows or none, an import log, roles and restricted
people respected."""

import datetime as dt
import io

import openpyxl
import pytest

from cases.errors import DomainError, NotPermitted
from cases.models import Case, Detainee
from cases.tests.factories import DetaineeFactory
from consular.models import ConsularVisit
from transfer import services
from transfer.constants import ImportState
from transfer.models import ImportLog

pytestmark = pytest.mark.django_db

DETAINEES_CSV = (
    "full_name,name_original_script,sex,date_of_birth,status,priority,nationalities\n"
    "Ivan Petrov,Иван Петров,m,1980-05,convicted,high,RU\n"
    "Anna Smirnova,,f,1991,Detained,,RU; UA\n"
)


def xlsx(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_preview_checks_every_row_and_writes_nothing(caseworker):
    log, preview = services.import_preview(
        user=caseworker, kind="detainees", file_name="people.csv", content=DETAINEES_CSV.encode()
    )
    assert preview.valid and [r.errors for r in preview.rows] == [[], []]
    assert not Detainee.objects.exists()
    assert (log.state, log.rows, log.file_name, log.user) == (
        ImportState.PREVIEWED,
        2,
        "people.csv",
        caseworker,
    )


def test_confirming_writes_every_row_and_logs_the_import(caseworker):
    log, _ = services.import_preview(
        user=caseworker, kind="detainees", file_name="people.csv", content=DETAINEES_CSV.encode()
    )
    log, preview = services.import_confirm(user=caseworker, log_id=log.pk)
    assert preview.valid
    petrov = Detainee.objects.get(full_name="Ivan Petrov")
    assert (petrov.status, petrov.priority, petrov.birth_date.isoformat()) == (
        "convicted",
        "high",
        "1980-05",
    )
    smirnova = Detainee.objects.get(full_name="Anna Smirnova")
    assert smirnova.status == "detained"
    assert sorted(n.country.code for n in smirnova.nationalities.all()) == ["RU", "UA"]
    # Found by another spelling, like any record.
    assert Detainee.objects.get(search_key__contains=petrov.search_key.split()[0]) == petrov
    log.refresh_from_db()
    assert log.state == ImportState.IMPORTED and log.imported_at and bytes(log.content) == b""
    with pytest.raises(DomainError):
        services.import_confirm(user=caseworker, log_id=log.pk)
    assert Detainee.objects.count() == 2


def test_errors_are_per_row_in_plain_words_and_nothing_is_written(caseworker):
    content = (
        b"full_name,date_of_birth,status,nationalities\n"
        b"Good Row,1980,convicted,RU\n"
        b",someday,prisoner,Atlantis\n"
    )
    log, preview = services.import_preview(
        user=caseworker, kind="detainees", file_name="bad.csv", content=content
    )
    assert not preview.valid
    good, bad = preview.rows
    assert good.errors == []
    text = " ".join(bad.errors)
    assert "date_of_birth: “someday” is not a date: write 2019, 2019-06 or 2019-06-21." in text
    assert "status: “prisoner” is not one of: detained, charged" in text
    assert "nationalities: “Atlantis” is not a country code or name." in text
    assert "full_name: This field cannot be blank." in text
    with pytest.raises(DomainError):
        services.import_confirm(user=caseworker, log_id=log.pk + 1000)
    _, confirmed = services.import_confirm(user=caseworker, log_id=log.pk)
    assert not confirmed.valid
    assert not Detainee.objects.exists()


def test_one_bad_row_among_many_stops_the_whole_file(caseworker):
    person = DetaineeFactory()
    rows = "\n".join(f"{person.pk},US,,2020,,,pre_trial," for _ in range(30))
    content = (
        "detainee,country,court,arrested_on,arrest_place,arrest_country,status,summary\n"
        + rows
        + f"\n{person.pk},ZZ,,2020,,,pre_trial,\n"
    ).encode()
    log, preview = services.import_preview(
        user=caseworker, kind="cases", file_name="cases.csv", content=content
    )
    assert [r.number for r in preview.rows if r.errors] == [31]
    _, confirmed = services.import_confirm(user=caseworker, log_id=log.pk)
    assert not confirmed.valid
    assert not Case.objects.exists()


def test_cases_and_visits_from_xlsx(caseworker):
    person = DetaineeFactory()
    cases = xlsx(
        [
            ["detainee", "country", "arrested_on", "status", "court"],
            [person.pk, "United States", "2019-06", "sentenced", "District Court"],
        ]
    )
    log, preview = services.import_preview(
        user=caseworker, kind="cases", file_name="cases.xlsx", content=cases
    )
    assert preview.valid, preview.rows
    services.import_confirm(user=caseworker, log_id=log.pk)
    case = Case.objects.get()
    assert (case.detainee, case.country.code, case.arrested.isoformat()) == (
        person,
        "US",
        "2019-06",
    )

    visits = xlsx(
        [
            ["detainee", "visited_on", "visitors", "outcome", "observations"],
            [person.pk, "2024-02-03", "Consul A. Example", "completed", "in good health"],
        ]
    )
    log, preview = services.import_preview(
        user=caseworker, kind="visits", file_name="visits.xlsx", content=visits
    )
    assert preview.valid, preview.rows
    services.import_confirm(user=caseworker, log_id=log.pk)
    visit = ConsularVisit.objects.get()
    assert (visit.visitors, visit.observations, visit.visited.isoformat()) == (
        "Consul A. Example",
        "in good health",
        "2024-02-03",
    )


def test_date_cells_of_a_spreadsheet_are_dates(caseworker):
    """Spreadsheets store a typed date as a date cell (openpyxl reads it as a datetime),
    not as text: such cells import as the day they show, in every date column."""
    person = DetaineeFactory()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["detainee", "visited_on", "visitors"])
    sheet.append([person.pk, dt.datetime(2024, 2, 3), "Consul A. Example"])
    sheet.append([person.pk, dt.date(2023, 11, 30), "Consul B. Example"])
    sheet["B3"].number_format = "dd.mm.yyyy"
    out = io.BytesIO()
    book.save(out)
    # What the importer reads from the file: real date cells, not text.
    cells = [c.value for c in openpyxl.load_workbook(io.BytesIO(out.getvalue())).active["B"]]
    assert [type(v) for v in cells[1:]] == [dt.datetime, dt.datetime]

    log, preview = services.import_preview(
        user=caseworker, kind="visits", file_name="visits.xlsx", content=out.getvalue()
    )
    assert preview.valid, [r.errors for r in preview.rows]
    assert [r.values[1] for r in preview.rows] == ["2024-02-03", "2023-11-30"]
    services.import_confirm(user=caseworker, log_id=log.pk)
    assert sorted((v.visitors, v.visited.isoformat()) for v in ConsularVisit.objects.all()) == [
        ("Consul A. Example", "2024-02-03"),
        ("Consul B. Example", "2023-11-30"),
    ]

    people = xlsx([["full_name", "date_of_birth"], ["Pavel Orlov", dt.datetime(1979, 4, 12, 0, 0)]])
    log, preview = services.import_preview(
        user=caseworker, kind="detainees", file_name="people.xlsx", content=people
    )
    assert preview.valid, [r.errors for r in preview.rows]
    services.import_confirm(user=caseworker, log_id=log.pk)
    assert Detainee.objects.get(full_name="Pavel Orlov").birth_date.isoformat() == "1979-04-12"


def test_a_restricted_person_is_as_unknown_as_a_missing_one(caseworker, other_caseworker):
    hidden = DetaineeFactory(is_restricted=True, assigned_caseworker=other_caseworker)
    content = f"detainee,visited_on,visitors\n{hidden.pk},2024-01-01,Consul\n99999,2024,Consul\n"
    _, preview = services.import_preview(
        user=caseworker, kind="visits", file_name="v.csv", content=content.encode()
    )
    assert preview.rows[0].errors == [f"detainee: There is no detainee number {hidden.pk}."]
    assert preview.rows[1].errors == ["detainee: There is no detainee number 99999."]
    # Its own caseworker may add to it.
    _, preview = services.import_preview(
        user=other_caseworker,
        kind="visits",
        file_name="v.csv",
        content=f"detainee,visited_on,visitors\n{hidden.pk},2024-01-01,Consul\n".encode(),
    )
    assert preview.valid


def test_an_import_never_overwrites_a_record_through_its_id(caseworker):
    existing = DetaineeFactory(full_name="Kept As Is")
    content = f"id,full_name,status\n{existing.pk},Overwritten,released\n".encode()
    log, preview = services.import_preview(
        user=caseworker, kind="detainees", file_name="x.csv", content=content
    )
    assert preview.valid
    services.import_confirm(user=caseworker, log_id=log.pk)
    existing.refresh_from_db()
    assert existing.full_name == "Kept As Is"
    assert Detainee.objects.filter(full_name="Overwritten").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("people.txt", b"full_name\nA", "Upload a .csv or .xlsx file"),
        ("people.csv", b"", "no header row"),
        ("people.csv", b"full_name\n", "no rows under it"),
        ("people.csv", "full_name\nÄ".encode("latin-1"), "not UTF-8"),
        ("people.xlsx", b"not a workbook", "could not be read as XLSX"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_in_plain_words(caseworker, name, content, message):
    with pytest.raises(DomainError) as error:
        services.import_preview(user=caseworker, kind="detainees", file_name=name, content=content)
    assert message in error.value.message
    assert not ImportLog.objects.exists()


def test_unknown_columns_are_named(caseworker):
    _, preview = services.import_preview(
        user=caseworker, kind="detainees", file_name="p.csv", content=b"full_name,shoe_size\nA,42\n"
    )
    assert not preview.valid
    assert "Unknown columns: shoe_size." in preview.file_errors[0]


def test_viewers_do_not_import_and_nobody_confirms_anothers_file(viewer, caseworker, reviewer):
    with pytest.raises(NotPermitted):
        services.import_preview(
            user=viewer, kind="detainees", file_name="p.csv", content=DETAINEES_CSV.encode()
        )
    log, _ = services.import_preview(
        user=caseworker, kind="detainees", file_name="p.csv", content=DETAINEES_CSV.encode()
    )
    with pytest.raises(DomainError):
        services.import_confirm(user=reviewer, log_id=log.pk)
    assert not Detainee.objects.exists()


@pytest.mark.parametrize("column", ["assigned_caseworker", "caseworker"])
def test_an_import_never_sets_or_changes_a_caseworker(caseworker, other_caseworker, column):
    # Who holds a case changes only through the handover, the API and the admin, each of
    # which records the handover history; a spreadsheet has no column for it.
    held = DetaineeFactory(full_name="Held Person", assigned_caseworker=other_caseworker)
    content = f"id,full_name,{column}\n{held.pk},Held Person,{caseworker.pk}\n".encode()
    _log, preview = services.import_preview(
        user=caseworker, kind="detainees", file_name="people.csv", content=content
    )
    assert not preview.valid
    assert any(column in error for error in preview.file_errors)
    # The id column is never read: a row is a new person, never an edit of one on file.
    content = f"id,full_name\n{held.pk},Held Person\n".encode()
    log, _ = services.import_preview(
        user=caseworker, kind="detainees", file_name="people.csv", content=content
    )
    _log, preview = services.import_confirm(user=caseworker, log_id=log.pk)
    assert preview.valid
    held.refresh_from_db()
    assert held.assigned_caseworker == other_caseworker
    assert not held.assignments.exists()
    new = Detainee.objects.exclude(pk=held.pk).get(full_name="Held Person")
    assert new.assigned_caseworker is None and not new.assignments.exists()
