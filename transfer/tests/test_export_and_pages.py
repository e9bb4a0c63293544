"""Exports (formula-safe CSV and XLSX of what the user may see), the import and export pages
by role, and the printable briefing summary."""

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases.models import Detainee
from cases.tests.factories import CaseFactory, DetaineeFactory, NationalityFactory
from consular.tests.factories import ConsularVisitFactory
from transfer import services
from transfer.models import ImportLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def hostile():
    person = DetaineeFactory(full_name='=HYPERLINK("http://evil.example","x")')
    NationalityFactory(detainee=person, country="RU")
    CaseFactory(detainee=person, summary="+1 charge", court="@court")
    ConsularVisitFactory(detainee=person, visitors="-Consul", observations="=cmd|' /C calc'!A0")
    return person


def test_every_cell_that_would_run_as_a_formula_is_text(caseworker, hostile):
    for kind in ("detainees", "cases", "visits"):
        content, content_type, name = services.export_file(
            kind=kind, user=caseworker, file_format="csv"
        )
        assert content_type.startswith("text/csv") and name.endswith(".csv")
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        cells = [cell for row in rows[1:] for cell in row]
        assert cells, kind
        assert not any(c.startswith(("=", "+", "-", "@")) for c in cells), cells
    content, _, _ = services.export_file(kind="detainees", user=caseworker, file_format="xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    values = [c.value for row in sheet.iter_rows(min_row=2) for c in row]
    assert '\'=HYPERLINK("http://evil.example","x")' in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)
    # The header row is the import's columns.
    assert [c.value for c in sheet[1]][:3] == ["id", "full_name", "name_original_script"]


def test_an_export_holds_what_the_user_may_see(caseworker, viewer, other_caseworker, hostile):
    DetaineeFactory(
        full_name="Hidden Person", is_restricted=True, assigned_caseworker=other_caseworker
    )
    content, _, _ = services.export_file(kind="detainees", user=caseworker, file_format="csv")
    assert "Hidden Person" not in content.decode()
    content, _, _ = services.export_file(kind="visits", user=viewer, file_format="csv")
    text = content.decode("utf-8-sig")
    assert "observations" not in text.splitlines()[0] and "calc" not in text
    content, _, _ = services.export_file(kind="visits", user=caseworker, file_format="csv")
    assert "calc" in content.decode("utf-8-sig")


def test_an_exported_file_imports_again(caseworker, hostile):
    content, _, _ = services.export_file(kind="detainees", user=caseworker, file_format="xlsx")
    log, preview = services.import_preview(
        user=caseworker, kind="detainees", file_name="again.xlsx", content=content
    )
    assert preview.valid, [r.errors for r in preview.rows]
    services.import_confirm(user=caseworker, log_id=log.pk)
    assert Detainee.objects.filter(nationalities__country="RU").count() == 2


def test_the_import_page_by_role(client, viewer, caseworker):
    client.force_login(viewer)
    assert client.get(reverse("transfer:import")).status_code == 403
    client.force_login(caseworker)
    page = client.get(reverse("transfer:import"))
    assert page.status_code == 200 and "full_name" in page.content.decode()


def test_upload_preview_and_confirm_through_the_page(client, caseworker):
    client.force_login(caseworker)
    upload = SimpleUploadedFile(
        "people.csv", b"full_name,status\nPage Person,detained\n", content_type="text/csv"
    )
    response = client.post(reverse("transfer:import"), {"kind": "detainees", "file": upload})
    assert response.status_code == 200
    assert 'data-testid="preview-valid"' in response.content.decode()
    assert not Detainee.objects.exists()
    log = ImportLog.objects.get()
    response = client.post(reverse("transfer:import_confirm", args=[log.pk]))
    assert response.status_code == 302
    assert Detainee.objects.get().full_name == "Page Person"
    page = client.get(reverse("transfer:import")).content.decode()
    assert "Imported 1 rows from people.csv." in page or "Imported 1 row" in page


def test_a_bad_upload_says_why(client, caseworker):
    client.force_login(caseworker)
    upload = SimpleUploadedFile("people.pdf", b"%PDF", content_type="application/pdf")
    response = client.post(reverse("transfer:import"), {"kind": "detainees", "file": upload})
    assert response.status_code == 400
    assert "Upload a .csv or .xlsx file" in response.content.decode()


def test_downloads_by_address(client, viewer, hostile):
    client.force_login(viewer)
    response = client.get(reverse("transfer:export_download", args=["cases", "xlsx"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="cases-')
    assert client.get(reverse("transfer:export_download", args=["cases", "pdf"])).status_code == 404


def test_the_briefing_summary_leaves_out_sensitive_notes(client, caseworker, hostile):
    Detainee.objects.filter(pk=hostile.pk).update(welfare_notes="diabetic, needs insulin")
    client.force_login(caseworker)
    response = client.get(reverse("transfer:summary", args=[hostile.pk]))
    html = response.content.decode()
    assert response.status_code == 200 and 'data-testid="briefing"' in html
    assert "transfer/summary.css" in html
    assert "insulin" not in html and "calc" not in html


def test_a_restricted_persons_summary_is_not_found(client, caseworker, other_caseworker):
    hidden = DetaineeFactory(is_restricted=True, assigned_caseworker=other_caseworker)
    client.force_login(caseworker)
    assert client.get(reverse("transfer:summary", args=[hidden.pk])).status_code == 404
