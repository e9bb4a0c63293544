"""Every admin page renders for staff, and the detainee page edits partial dates."""

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.forms import modelform_factory
from django.urls import reverse

from cases.fields import PartialDateModelForm
from cases.models import Case, Detainee

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_data():
    call_command("load_demo", count=5, verbosity=0, no_users=True)


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


def admin_models():
    return [m for m in admin.site._registry if m._meta.app_label in ("cases", "consular")]


@pytest.mark.parametrize("model", admin_models(), ids=lambda m: m._meta.label)
def test_changelist_add_and_change_pages_render(staff_client, demo_data, model):
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    assert staff_client.get(reverse(f"{prefix}_changelist")).status_code == 200
    assert staff_client.get(reverse(f"{prefix}_add")).status_code == 200
    obj = model._default_manager.first()
    assert obj is not None, f"demo data has no {model._meta.label}"
    assert staff_client.get(reverse(f"{prefix}_change", args=[obj.pk])).status_code == 200
    assert staff_client.get(reverse(f"{prefix}_history", args=[obj.pk])).status_code == 200


def test_admin_search_finds_a_variant_spelling(staff_client, demo_data):
    response = staff_client.get(reverse("admin:cases_detainee_changelist"), {"q": "Seleznev"})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [
        Detainee.objects.get(full_name="Roman Seleznyov")
    ]


@pytest.mark.parametrize(
    ("param", "value"),
    [("nationality", "RU"), ("detaining_country", "US"), ("status__exact", "convicted")],
)
def test_admin_filters(staff_client, demo_data, param, value):
    response = staff_client.get(reverse("admin:cases_detainee_changelist"), {param: value})
    assert response.status_code == 200
    assert response.context["cl"].result_count >= 1


def test_case_form_stores_a_month_precision_date(staff_client, demo_data):
    case = Case.objects.filter(detainee__full_name="Maria Butina").get()
    url = reverse("admin:cases_case_change", args=[case.pk])
    page = staff_client.get(url)
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
    data.update(
        detainee=case.detainee_id,
        country="US",
        status="closed",
        arrested_on="July 2018",
        arrest_country="",
        court="",
        case_number="",
        arrest_place="",
        summary="",
    )
    for prefix, formset in (
        (f.formset.prefix, f.formset) for f in page.context["inline_admin_formsets"]
    ):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": formset.total_form_count(),
                f"{prefix}-INITIAL_FORMS": formset.initial_form_count(),
            }
        )
        for i, f in enumerate(formset.forms):
            for name, field in f.fields.items():
                value = f.initial.get(name, field.initial)
                if value is not None:
                    data[f"{prefix}-{i}-{name}"] = getattr(value, "pk", value)
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    case.refresh_from_db()
    assert case.arrested.isoformat() == "2018-07"
    assert str(case.arrested) == "July 2018"


def test_bad_partial_date_is_a_field_error(demo_data):
    case = Case.objects.first()
    form_class = modelform_factory(
        Case, form=PartialDateModelForm, fields=["detainee", "country", "status", "arrested_on"]
    )
    assert form_class(instance=case).initial["arrested_on"] == case.arrested
    data = {"detainee": case.detainee_id, "country": "US", "status": "trial"}
    form = form_class(data={**data, "arrested_on": "sometime"}, instance=case)
    assert not form.is_valid()
    assert "is not a date" in form.errors["arrested_on"][0]
    form = form_class(data={**data, "arrested_on": "2019"}, instance=case)
    assert form.is_valid(), form.errors
    saved = form.save()
    assert (saved.arrested_on.isoformat(), saved.arrested_on_precision) == ("2019-01-01", "year")
