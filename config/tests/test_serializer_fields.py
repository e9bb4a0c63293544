"""Read serializers work their fields out once per class (`PrebuiltFieldsMixin`); each
serializer must still get fields of its own, so that what one request removes or binds
never reaches the next."""

import pytest
from rest_framework.test import APIRequestFactory, force_authenticate

from cases.serializers import DetaineeDetailSerializer
from cases.tests.factories import CaseFactory, DetaineeFactory

pytestmark = pytest.mark.django_db


def _serializer(user, instance):
    request = APIRequestFactory().get("/")
    force_authenticate(request, user=user)
    request.user = user
    return DetaineeDetailSerializer(instance, context={"request": request})


def test_each_serializer_has_its_own_fields(viewer, caseworker):
    person = DetaineeFactory(welfare_notes="Asked for a doctor.")
    CaseFactory(detainee=person)
    # A viewer's serializer drops the sensitive fields; the caseworker's made next has them.
    hidden = _serializer(viewer, person)
    assert "welfare_notes" not in hidden.fields
    shown = _serializer(caseworker, person)
    assert shown.fields["welfare_notes"] is not hidden.fields.get("welfare_notes")
    assert shown.data["welfare_notes"] == "Asked for a doctor."
    assert "welfare_notes" not in _serializer(viewer, person).data
    # Nested serializers are copies too, each bound to its own parent.
    assert shown.fields["cases"] is not hidden.fields["cases"]
    assert shown.fields["cases"].parent is shown and hidden.fields["cases"].parent is hidden
