from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cases.admin import HistoryAdmin
from cases.errors import DomainError
from cases.forms import VersionedModelForm
from cases.models import Detainee

from . import services
from .models import OfficialFigure


class FigureForm(VersionedModelForm):
    """The admin checks a figure by the same rules as the API (figures.services)."""

    class Meta:
        model = OfficialFigure
        fields = "__all__"

    def clean(self):
        data = super().clean()
        if data.get("said_on") and data.get("definition"):
            try:
                services.figure_check(
                    definition=data["definition"],
                    since_year=data.get("since_year"),
                    said_on=data["said_on"],
                    source_url=data.get("source_url") or "",
                    source_document=data.get("source_document") or "",
                )
            except DomainError as exc:
                raise ValidationError({exc.field: exc.message}) from exc
        return data


@admin.register(OfficialFigure)
class OfficialFigureAdmin(HistoryAdmin):
    form = FigureForm
    list_display = ["said_on", "said_by", "number_display", "question"]
    list_filter = ["definition", "nationality", "country"]
    search_fields = ["said_by", "source_document", "notes"]
    date_hierarchy = "said_on"
    readonly_fields = ["record_count", "entered_by"]
    fieldsets = [
        (None, {"fields": [("said_by", "said_on"), ("qualifier", "number")]}),
        (
            _("What it counts"),
            {"fields": ["definition", ("nationality", "country"), "since_year", "record_count"]},
        ),
        (_("Source"), {"fields": ["source_url", "source_document", "notes", "entered_by"]}),
    ]

    @admin.display(description=_("created by"))
    def entered_by(self, figure):
        return figure.created_by or "—"

    @admin.display(description=_("number"))
    def number_display(self, figure):
        return figure.number_display

    @admin.display(description=_("what it counts"))
    def question(self, figure):
        return figure.question

    @admin.display(description=_("the record counts"))
    def record_count(self, figure):
        reader = getattr(figure, "reader", None)
        if figure is None or figure.pk is None or reader is None:
            return "—"
        comparison = services.figure_compare(
            figure=figure, detainees=Detainee.objects.visible_to(reader)
        )
        return _("%(count)s (gap %(gap)+d)") % {
            "count": comparison.record_count,
            "gap": comparison.gap,
        }

    def get_object(self, request, object_id, from_field=None):
        # The count beside the figure is of the people this staff member may see.
        figure = super().get_object(request, object_id, from_field)
        if figure is not None:
            figure.reader = request.user
        return figure

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
