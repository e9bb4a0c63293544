"""Model forms that refuse to overwrite a newer version of their record.

Two people who open the same record and both save would otherwise each write the whole
form, and the second would silently undo the first. The form carries the version it was
opened at in a hidden field; saving locks the row and compares. Used by the admin and the
caseworker pages alike.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils.translation import gettext_lazy as _

from .fields import PartialDateFormField, PartialDateModelForm, partial_date
from .services import record_lock

# Long texts (welfare notes) are cut in the message; the page shows them in full on reload.
_SHOWN_LENGTH = 200


class VersionField(forms.IntegerField):
    """The version the form was opened at. Never counts as a change the user made."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("label", _("record version"))
        super().__init__(**kwargs)

    def has_changed(self, initial, data) -> bool:
        return False


def _shown(value) -> str:
    if value in (None, ""):
        return "(empty)"
    text = str(value)
    return f"“{text[:_SHOWN_LENGTH]}…”" if len(text) > _SHOWN_LENGTH else f"“{text}”"


class VersionedModelForm(PartialDateModelForm):
    """A model form for a VersionedModel. Call `clean()` (as `is_valid()` does) inside the
    transaction that saves: the row stays locked from the check to the write.

    `check_unchanged`: whether a form whose values equal the stored ones is checked too.
    True for a page's main form, which is saved whole in any case; an inline row that was
    not changed is not saved, so it need not be current."""

    record_version = VersionField()
    check_unchanged = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_versioned:
            self.fields.pop("record_version", None)
        elif self.instance.pk is not None:
            self.initial["record_version"] = self.instance.version

    @property
    def is_versioned(self) -> bool:
        return any(f.name == "version" for f in self._meta.model._meta.concrete_fields)

    def clean(self):
        data = super().clean()
        existing = self.is_versioned and self.instance.pk is not None
        if existing and (self.check_unchanged or self.has_changed()):
            try:
                self.check_version(data.get("record_version"))
            except ValidationError as error:
                # Added rather than raised: the form's other checks still speak.
                self.add_error(None, error)
        return data

    def check_version(self, expected: int | None) -> None:
        if expected is None:
            raise ValidationError(
                "This form does not say which version of the record it edits. Reload the "
                "page and make your change again.",
                code="stale",
            )
        model = self._meta.model
        try:
            # Within the caller's transaction (the admin's), the lock holds until the save.
            with transaction.atomic():
                current = record_lock(record=self.instance)
        except model.DoesNotExist:
            raise ValidationError(
                "This record was deleted after you opened the page.", code="stale"
            ) from None
        if current.version != expected:
            raise ValidationError(self.stale_message(current, expected), code="stale")

    def stale_message(self, current, expected: int) -> str:
        """Names each field whose stored value differs from the one sent, with its newer
        value (fields this form does not show, e.g. sensitive ones, are not named)."""
        stored = model_to_dict(current)
        newer = []
        for name, field in self.fields.items():
            if name not in stored and not isinstance(field, PartialDateFormField):
                continue  # not a column of the record (the version, a source to cite)
            if isinstance(field, PartialDateFormField):
                value = partial_date(current, name)
                initial, shown = value, (value.display() if value else None)
            else:
                initial, shown = stored[name], self._display(current, name)
            sent = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            if field.has_changed(initial, sent):
                newer.append(f"{field.label or name}: {_shown(shown)}")
        what = (
            "It now reads: " + "; ".join(newer) + "."
            if newer
            else "The change was to fields this form does not show."
        )
        return (
            f"Someone else saved this record after you opened the page (it is now at "
            f"version {current.version}; you opened version {expected}). {what} Nothing was "
            f"saved: reload the page to see the current record, then make your change again."
        )

    @staticmethod
    def _display(record, name: str):
        field = record._meta.get_field(name)
        if field.many_to_many:
            return ", ".join(str(item) for item in getattr(record, name).all())
        if field.choices:
            return getattr(record, f"get_{name}_display")()
        value = getattr(record, name)
        return "" if value is None else value


class VersionedInlineForm(VersionedModelForm):
    """For a row of an inline formset: only rows that were changed are saved and checked."""

    check_unchanged = False
