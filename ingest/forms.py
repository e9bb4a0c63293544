"""Forms of the review pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.fields import PartialDateFormField, web_address_validator

from . import facts as fact_rules
from .models import Draft


class _ArticleMetaForm(forms.Form):
    title = forms.CharField(required=False, max_length=500)
    outlet = forms.CharField(required=False, max_length=200)
    url = forms.URLField(
        required=False,
        max_length=2000,
        label=_("URL"),
        assume_scheme="https",
        validators=[web_address_validator],
    )
    published = PartialDateFormField(required=False, label=_("Published"))


class PasteForm(_ArticleMetaForm):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 14}),
        strip=False,
        help_text=_("The article's text (or its HTML)."),
    )
    field_order = ["text", "title", "outlet", "url", "published"]


class UploadForm(_ArticleMetaForm):
    file = forms.FileField(help_text=_("A .txt or .html file"))
    field_order = ["file", "title", "outlet", "url", "published"]


class UrlForm(forms.Form):
    url = forms.URLField(
        max_length=2000,
        label=_("Article URL"),
        assume_scheme="https",
        validators=[web_address_validator],
    )


class FeedForm(forms.Form):
    url = forms.URLField(
        max_length=2000,
        label=_("Feed URL (RSS or Atom)"),
        assume_scheme="https",
        validators=[web_address_validator],
    )
    title = forms.CharField(required=False, max_length=300)


class RejectForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


def accept_input(draft: Draft, data) -> dict:
    """Reads the draft page's accept form: which facts, what edits, which record.

    Inputs are `accept-<fact id>` checkboxes, `fact-<id>-<field>` values, `target`
    ("new" or a detainee id) and `date_of_birth`.
    """
    selected, edits = [], {}
    for fact in draft.facts.all():
        if fact.decision != "pending":
            continue
        if data.get(f"accept-{fact.pk}"):
            selected.append(fact.pk)
        changed = {}
        for spec in fact_rules.FIELDS[fact.kind]:
            key = f"fact-{fact.pk}-{spec.name}"
            if spec.type == "bool":
                submitted = bool(data.get(key))
            elif key in data:
                submitted = data.get(key, "")
            else:
                continue
            current = fact.value.get(spec.name)
            if _as_text(submitted) != _as_text(current):
                changed[spec.name] = submitted
        if changed and fact.pk in selected:
            edits[fact.pk] = changed
    target = (data.get("target") or "new").strip()
    merge_into = None
    if target != "new":
        merge_into = int(target) if target.isdigit() else -1
    return {"fact_ids": selected, "edits": edits, "merge_into": merge_into}


def _as_text(value) -> str:
    if isinstance(value, bool):
        return "1" if value else ""
    return "" if value is None else str(value).strip()
