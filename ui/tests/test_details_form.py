"""The detainee details form on the caseworker page: it writes only what was changed, and
a form opened before someone else's save is refused with the newer values named."""

import pytest
from django.urls import reverse

from cases import services
from cases.constants import DetaineeStatus, Priority
from cases.models import Detainee
from cases.tests.factories import DetaineeFactory

pytestmark = pytest.mark.django_db


def page_form_data(client, detainee) -> dict:
    """What the browser sends back for the details form as the page rendered it."""
    form = client.get(reverse("ui:detainee_detail", args=[detainee.pk])).context["details_form"]
    data = {}
    for bound in form:
        value = bound.value()
        data[bound.html_name] = "" if value is None else value
    return data


def edit(client, detainee, data):
    return client.post(reverse("ui:detainee_edit", args=[detainee.pk]), data)


def test_viewer_gets_no_details_form_and_cannot_post(client, viewer):
    detainee = DetaineeFactory()
    client.force_login(viewer)
    page = client.get(reverse("ui:detainee_detail", args=[detainee.pk]))
    assert page.context["details_form"] is None
    assert edit(client, detainee, {"details-status": "released"}).status_code == 403


def test_saving_writes_the_change_and_raises_the_version(client, caseworker):
    detainee = DetaineeFactory(status=DetaineeStatus.DETAINED, welfare_notes="Asthma")
    client.force_login(caseworker)
    data = page_form_data(client, detainee)
    assert data["details-record_version"] == 1

    response = edit(client, detainee, {**data, "details-status": DetaineeStatus.CONVICTED})

    assert response.status_code == 302
    now = Detainee.objects.get(pk=detainee.pk)
    assert (now.status, now.welfare_notes, now.version) == ("convicted", "Asthma", 2)


def test_a_stale_form_is_refused_with_the_newer_values_and_nothing_is_written(client, caseworker):
    detainee = DetaineeFactory(status=DetaineeStatus.DETAINED, priority=Priority.NORMAL)
    client.force_login(caseworker)
    data = page_form_data(client, detainee)

    # A colleague saves first (through the API, a service or another open page).
    services.detainee_update(
        detainee=Detainee.objects.get(pk=detainee.pk),
        changes={"priority": Priority.HIGH, "welfare_notes": "Moved to a punishment cell"},
    )
    response = edit(client, detainee, {**data, "details-status": DetaineeStatus.RELEASED})

    assert response.status_code == 409
    text = response.content.decode()
    assert "Someone else saved this record" in text
    assert "Priority: “High”" in text
    assert "Moved to a punishment cell" in text
    now = Detainee.objects.get(pk=detainee.pk)
    assert (now.status, now.priority, now.version) == ("detained", "high", 2)
    # What the user typed is still in the form.
    assert response.context["details_form"]["status"].value() == "released"


def test_a_bad_value_is_a_field_error(client, caseworker):
    detainee = DetaineeFactory()
    client.force_login(caseworker)
    data = page_form_data(client, detainee)
    response = edit(client, detainee, {**data, "details-date_of_birth": "sometime"})
    assert response.status_code == 400
    assert "is not a date" in response.content.decode()
    assert Detainee.objects.get(pk=detainee.pk).version == 1
