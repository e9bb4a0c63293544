"""The forms of the casework pages; each hands its cleaned values to a service."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from cases.models import Case

from .constants import TaskKind
from .services import WORK_PERMISSION

User = get_user_model()


def caseworker_choices():
    """Active users who can hold work; the service checks that they see the person."""
    # Asked of the database in one query (through a group, directly, or as a superuser),
    # as `has_perm` would answer user by user.
    users = User.objects.with_perm(
        WORK_PERMISSION, backend="django.contrib.auth.backends.ModelBackend"
    )
    return users.filter(is_active=True).order_by("username")


class _UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.get_username()


class TaskForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[c for c in TaskKind.choices if c[0] != TaskKind.EXPECTED_RELEASE]
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    due_on = forms.DateField(
        label=_("Due"), widget=forms.DateInput(attrs={"type": "date"}), help_text=_("YYYY-MM-DD")
    )
    case = forms.ModelChoiceField(label=_("Case"), queryset=Case.objects.none(), required=False)
    assignee = _UserChoiceField(
        label=_("Assignee"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("Empty: whoever holds the case."),
    )
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, detainee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = Case.objects.filter(detainee=detainee)
        self.fields["assignee"].queryset = caseworker_choices()


class HandoverForm(forms.Form):
    caseworker = _UserChoiceField(
        label=_("Hand over to"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Nobody"),
    )
    note = forms.CharField(
        label=_("Handover note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
        help_text=_("What the next caseworker needs to know."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["caseworker"].queryset = caseworker_choices()


class WelfareFlagForm(forms.Form):
    flagged = forms.BooleanField(label=_("Health or welfare concern"), required=False)
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=5000
    )


class OverdueFilterForm(forms.Form):
    caseworker = _UserChoiceField(
        label=_("Caseworker"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Anyone"),
    )
    country = forms.ChoiceField(label=_("Detaining country"), required=False)

    def __init__(self, *args, countries: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["caseworker"].queryset = caseworker_choices()
        self.fields["country"].choices = [("", _("Any country")), *countries]
