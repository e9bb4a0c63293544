from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import MAX_FILE_BYTES, ImportKind


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("The file holds"), choices=ImportKind.choices)
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_("One header row naming the columns, then one record per row."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def __init__(self, *args, kinds: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [c for c in ImportKind.choices if c[0] in kinds]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB: split it into smaller files.")
                % {"mb": MAX_FILE_BYTES // (1024 * 1024)}
            )
        return upload
