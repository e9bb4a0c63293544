"""Plumbing shared by every API endpoint: one error shape, bounded pages, role permissions,
CSV export, the partial-date and country fields, and API tokens."""

import copy
import csv
import io
import re
import sys
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import (
    RequestDataTooBig,
    SuspiciousOperation,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
)
from rest_framework import (
    exceptions,
    mixins,
    permissions,
    renderers,
    serializers,
    status,
    viewsets,
)
from rest_framework.authtoken.models import Token
from rest_framework.decorators import action
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from audit import reads
from cases import services as case_services
from cases.errors import Conflict, DomainError, NotPermitted, StaleVersion
from cases.fields import sensitive_field_names
from cases.partial_dates import PartialDate, PartialDateError, parse
from cases.roles import can_view_sensitive
from config.pagination import BoundedCountPaginator
from config.parsers import BoundedJSONParser

# --- Errors ------------------------------------------------------------------------------


class ErrorSerializer(serializers.Serializer):
    """The one shape of every error the API returns."""

    status = serializers.IntegerField(help_text="The HTTP status code, repeated.")
    code = serializers.CharField(help_text="A stable machine-readable code, e.g. `invalid`.")
    detail = serializers.CharField(help_text="A sentence for people.")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Messages by field name; nested fields are dotted (`charges.0.description`). "
        "Empty when the error is not about a field.",
    )


def _flatten(detail, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error detail as {"a.0.b": ["message", ...]}."""
    if isinstance(detail, Mapping):
        out: dict[str, list[str]] = {}
        for key, value in detail.items():
            name = api_settings.NON_FIELD_ERRORS_KEY if key == "non_field_errors" else str(key)
            out.update(_flatten(value, f"{prefix}.{name}" if prefix else name))
        return out
    if isinstance(detail, list) and any(isinstance(item, Mapping | list) for item in detail):
        out = {}
        for index, item in enumerate(detail):
            if item:
                out.update(_flatten(item, f"{prefix}.{index}" if prefix else str(index)))
        return out
    items = detail if isinstance(detail, list) else [detail]
    return {prefix or api_settings.NON_FIELD_ERRORS_KEY: [str(item) for item in items]}


def _body(status_code: int, code: str, detail: str, fields: dict | None = None) -> dict:
    return {"status": status_code, "code": code, "detail": detail, "fields": fields or {}}


class ConflictError(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("This clashes with the current state of the record.")
    default_code = "conflict"

    def __init__(self, detail=None, code=None, field: str | None = None, fields=None):
        super().__init__(detail, code)
        self.field = field
        # Messages by field, when the conflict has more to say than its sentence.
        self.fields = fields


class PreconditionFailed(exceptions.APIException):
    """`If-Match` named a version of the record that is no longer the current one."""

    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _(
        "This record was changed by someone else after you read it. Read it again and redo "
        "your change on the current version."
    )
    default_code = "precondition_failed"

    def __init__(self, detail=None, code=None, version: int | None = None):
        super().__init__(detail, code)
        self.version = version


def etag(version: int) -> str:
    """A record's entity tag: its version, quoted."""
    return f'"{version}"'


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"

    def __init__(self):
        super().__init__(
            _(
                "The request is larger than the %(body)s MB allowed; an article may be at most "
                "%(article)s MB."
            )
            % {
                "body": max_body_megabytes(),
                "article": f"{settings.INGEST_MAX_DOCUMENT_BYTES / 1_000_000:g}",
            }
        )


def max_body_megabytes() -> str:
    return f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1_000_000:g}"


def _as_api_exception(exc: Exception) -> Exception:
    """Domain and database errors as the DRF exception of their status code."""
    if isinstance(exc, StaleVersion):
        return PreconditionFailed(exc.message, version=exc.record.version)
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge()
    if isinstance(exc, SuspiciousOperation):
        return exceptions.ParseError(_("The request could not be read."))
    if isinstance(exc, NotPermitted):
        return exceptions.PermissionDenied(exc.message, code="not_permitted")
    if isinstance(exc, Conflict):
        return ConflictError(
            exc.message, code=getattr(exc, "code", None), field=exc.field, fields=exc.details
        )
    if isinstance(exc, DomainError):
        if exc.details:
            return exceptions.ValidationError(exc.details)
        if exc.field:
            return exceptions.ValidationError({exc.field: [exc.message]})
        return exceptions.ValidationError(exc.message)
    if isinstance(exc, ProtectedError):
        return ConflictError(
            _("Other records refer to this one, so it cannot be deleted."), code="protected"
        )
    if isinstance(exc, IntegrityError):
        return ConflictError(_("This clashes with a record that already exists."))
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        )
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    return exc


def api_exception_handler(exc, context):
    """Every error as {status, code, detail, fields}; domain errors by their kind."""
    exc = _as_api_exception(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    request = context.get("request")
    renderer = getattr(request, "accepted_renderer", None)
    # A CSV download that fails explains why in JSON, not as a one-cell spreadsheet.
    if renderer is not None and renderer.format == CSVRenderer.format:
        request.accepted_renderer = renderers.JSONRenderer()
        request.accepted_media_type = request.accepted_renderer.media_type
    if isinstance(exc, exceptions.ValidationError):
        fields = _flatten(exc.detail)
        first = next(iter(fields.values()))[0] if fields else _("Invalid input.")
        detail = (
            first if list(fields) == [api_settings.NON_FIELD_ERRORS_KEY] else _("Invalid input.")
        )
        codes = exc.get_codes()
        code = "invalid" if not isinstance(codes, str) else codes
        response.data = _body(response.status_code, code, detail, fields)
    else:
        detail = getattr(exc, "detail", str(exc))
        codes = exc.get_codes() if isinstance(exc, exceptions.APIException) else "error"
        field = getattr(exc, "field", None)
        fields = getattr(exc, "fields", None) or ({field: [str(detail)]} if field else None)
        response.data = _body(
            response.status_code, codes if isinstance(codes, str) else "error", str(detail), fields
        )
    if isinstance(exc, PreconditionFailed) and exc.version is not None:
        # The current version, so that a client can read it again knowingly.
        response["ETag"] = etag(exc.version)
    return response


def is_api_request(request) -> bool:
    return request.path.startswith("/api/")


def api_error_response(status_code: int, code: str, detail: str) -> JsonResponse:
    return JsonResponse(_body(status_code, code, detail), status=status_code)


# Requests that never reach an API view (no such address, a body too large to read, a crash)
# still answer in the one error shape under /api/, and with the usual pages elsewhere.


def handler400(request, exception=None):
    from django.views import defaults

    if not is_api_request(request):
        return defaults.bad_request(request, exception)
    if isinstance(exception, RequestDataTooBig):
        too_large = PayloadTooLarge()
        return api_error_response(413, "too_large", str(too_large.detail))
    return api_error_response(400, "parse_error", _("The request could not be read."))


def handler404(request, exception=None):
    from django.views import defaults

    if not is_api_request(request):
        return defaults.page_not_found(request, exception)
    return api_error_response(404, "not_found", _("Not found."))


def handler500(request):
    from config.unavailable import DATABASE_ERRORS, server_error

    # A database that cannot be reached is a 503 (config.unavailable), API or not.
    if not is_api_request(request) or isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return server_error(request)
    return api_error_response(500, "error", _("Something went wrong on our side."))


# --- Pagination --------------------------------------------------------------------------


class BoundedPageNumberPagination(PageNumberPagination):
    """`?page=` and `?page_size=` (larger than 100 gives 100); a value that is not a positive
    whole number is a 400, not silently the default. The count is exact up to
    `EXACT_COUNT_LIMIT` rows and PostgreSQL's estimate beyond (`config.pagination`);
    `count_is_estimate` says which."""

    django_paginator_class = BoundedCountPaginator
    page_size_query_param = "page_size"
    page_size_query_description = "Rows per page: 25 unless given, at most 100."
    max_page_size = 100

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param, "")
        if raw == "":
            return self.page_size
        if not raw.isdigit() or int(raw) < 1:
            raise exceptions.ValidationError({"page_size": ["A whole number, 1 or more."]})
        return min(int(raw), self.max_page_size)

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param, "")
        if raw in ("", "last") or (raw.isdigit() and int(raw) >= 1):
            return raw or 1
        raise exceptions.ValidationError({"page": ["A page number: 1 or more."]})

    def get_paginated_response(self, data):
        paginator = self.page.paginator
        return Response(
            {
                "count": paginator.count,
                "count_is_estimate": paginator.count_is_estimate,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        answer = super().get_paginated_response_schema(schema)
        answer["required"] = ["count", "count_is_estimate", "results"]
        answer["properties"] = {
            "count": answer["properties"]["count"],
            "count_is_estimate": {
                "type": "boolean",
                "description": "True when `count` is the database's estimate: lists of "
                "more than the exact-count limit (1,000 rows unless configured) are not "
                "counted row by row.",
            },
            **{k: v for k, v in answer["properties"].items() if k != "count"},
        }
        return answer

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] in (self.page_query_param, self.page_size_query_param):
                parameter["schema"]["minimum"] = 1
        return parameters


# --- Permissions -------------------------------------------------------------------------


class RolePermission(permissions.DjangoModelPermissions):
    """Reads need the model's view permission, writes its add/change/delete permission.
    Roles are groups holding these permissions (cases.roles)."""

    perms_map = {
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "POST": ["%(app_label)s.add_%(model_name)s"],
        "PUT": ["%(app_label)s.change_%(model_name)s"],
        "PATCH": ["%(app_label)s.change_%(model_name)s"],
        "DELETE": ["%(app_label)s.delete_%(model_name)s"],
    }

    def _queryset(self, view):
        # Only the view's model is needed: a view that names it (`RecordViewSet`) is not
        # asked to build its queryset (a list's joins, annotations and prefetches) to tell.
        model = getattr(view, "permission_model", None)
        if model is not None:
            return model._default_manager.none()
        return super()._queryset(view)


class CanReadCaseRecords(permissions.BasePermission):
    """For read-only endpoints that are not about one model (statistics)."""

    message = _("Your role does not allow reading case records.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm("cases.view_detainee"))


# --- Serializer helpers ------------------------------------------------------------------


class PrebuiltFieldsMixin:
    """DRF works a ModelSerializer's fields out of the model (kinds, validators, choices,
    relations) every time one is made, which is every request and every nested serializer:
    a good part of a detail answer's time. The fields depend on the class alone, so they are
    worked out once per class and each serializer gets its own copy, as DRF copies declared
    fields. What depends on the request (`SensitiveFieldsMixin`) is applied to that copy."""

    def get_fields(self):
        cls = type(self)
        prototype = cls.__dict__.get("_prebuilt_fields")
        if prototype is None:
            prototype = super().get_fields()
            cls._prebuilt_fields = prototype
        return copy.deepcopy(prototype)


class ModelSerializer(PrebuiltFieldsMixin, serializers.ModelSerializer):
    """The project's read serializers for models: `PrebuiltFieldsMixin` on DRF's own."""


class SensitiveFieldsMixin:
    """Drops the model's sensitive fields (cases.fields.SensitiveTextField) for users without
    `cases.view_sensitive`. Schema generation sees them, so that they are documented."""

    def get_fields(self):
        fields = super().get_fields()
        for name in self.hidden_field_names():
            fields.pop(name, None)
        return fields

    def hidden_field_names(self) -> frozenset[str]:
        """The sensitive fields left out of this answer: every one, unless the request's user
        may read them or the schema is being built."""
        view = self.context.get("view")
        if getattr(view, "swagger_fake_view", False):
            return frozenset()
        request = self.context.get("request")
        if request is None or not can_view_sensitive(request.user):
            return sensitive_field_names(self.Meta.model)
        return frozenset()

    def to_representation(self, instance):
        data = super().to_representation(instance)
        # A response that shows a sensitive value logs the read (one INSERT per request).
        if sensitive_field_names(self.Meta.model) & set(data):
            reads.note(self.context.get("request"), [instance])
        return data


# The ISO forms a partial date is written in: a year from 0001, a month, a day that can exist
# in that month (29 February is left to the server, which knows leap years). Empty: no date.
_YEAR = r"(?:[1-9]\d{3}|0[1-9]\d{2}|00[1-9]\d|000[1-9])"
_MONTH_DAY = (
    r"(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])"
    r"|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
)
PARTIAL_DATE_PATTERN = rf"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2])|-{_MONTH_DAY})?)?$"


def partial_date_schema(*, nullable: bool) -> dict:
    return {
        "type": "string",
        "nullable": nullable,
        "pattern": PARTIAL_DATE_PATTERN,
        "example": "2022-06",
        "description": "A date known to the year, month or day: 2019, 2019-06 or 2019-06-21 "
        "(empty for none).",
    }


class PartialDateSerializerField(serializers.Field):
    """A date of any precision as the ISO string of that precision; accepts the same (and
    "June 2019"). Empty means no date."""

    default_error_messages = {"invalid": "{message}", "too_long": "A date is at most 32 letters."}

    def to_representation(self, value: PartialDate) -> str:
        return value.isoformat()

    def to_internal_value(self, data) -> PartialDate | None:
        if data in (None, ""):
            return None
        if not isinstance(data, str):
            self.fail("invalid", message=_("Write the date as text: 2019, 2019-06 or 2019-06-21."))
        if len(data) > 32:
            self.fail("too_long")
        try:
            return parse(data)
        except PartialDateError as exc:
            self.fail("invalid", message=str(exc))

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


class TextField(serializers.CharField):
    """Text in a request body: a JSON string, not a number turned into one, as the schema
    says."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    """true or false in a request body, as the schema says; not "yes", 1 or "0"."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class PartialDateFieldSchema(OpenApiSerializerFieldExtension):
    """The schema of a partial date, nullable where the field allows null."""

    target_class = PartialDateSerializerField

    def map_serializer_field(self, auto_schema, direction):
        return partial_date_schema(nullable=self.target.allow_null)


class CountrySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ISO 3166 code, e.g. RU")
    name = serializers.CharField(help_text="e.g. Russia")


@extend_schema_field(CountrySerializer)
class CountryReadField(serializers.Field):
    """A country as {code, name}."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value) -> dict:
        code = getattr(value, "code", value) or ""
        # Each country's name is looked up (and translated) once per answer, not per row.
        names = self.__dict__.setdefault("_names", {})
        if code not in names:
            names[code] = str(countries.name(code)) if code else ""
        return {"code": code, "name": names[code]}


@extend_schema_field({"type": "string"})
class ChoiceLabelField(serializers.Field):
    """The label of a choice field's value, as `get_<field>_display()` gives it (the value
    itself when it is not a choice), each label translated once per answer rather than
    once per row: `status_label = ChoiceLabelField(source="status")`."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value) -> str:
        labels = self.__dict__.get("_labels")
        if labels is None:
            field = self.parent.Meta.model._meta.get_field(self.source)
            labels = self._labels = {k: str(v) for k, v in field.flatchoices}
        return labels.get(value, value)


def country_choices() -> list[tuple[str, str]]:
    """For the schema: one enum of country codes."""
    return [(country.code, country.name) for country in countries]


def country_label(code: str | None) -> str:
    return countries.name(code) if code else "Unknown"


# --- CSV ---------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Mapping):
        for key in ("name", "label", "full_name", "code", "id"):
            if key in value:
                return _cell(value[key])
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(item) for item in value if item is not None)
    return formula_safe(value) if isinstance(value, str) else str(value)


def formula_safe(text: str) -> str:
    """A cell that a spreadsheet would run as a formula (=, +, -, @, a tab or a carriage
    return first) is kept as text, for every CSV and XLSX the app writes."""
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _flat_row(item: Mapping, prefix: str = "") -> dict[str, str]:
    row: dict[str, str] = {}
    for key, value in item.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and not {"code", "name"} >= set(value):
            row.update(_flat_row(value, f"{name}."))
        else:
            row[name] = _cell(value)
    return row


class CSVRenderer(renderers.BaseRenderer):
    """A list of records as a spreadsheet: nested records are flattened into columns,
    lists into "a; b" cells."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if data is None:
            return b""
        if isinstance(data, Mapping):
            data = data.get("results", [data]) if "results" in data else [data]
        rows = [_flat_row(item) for item in data if isinstance(item, Mapping)]
        header: list[str] = []
        for row in rows:
            header.extend(key for key in row if key not in header)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore", restval="")
        writer.writeheader()
        writer.writerows(rows)
        if renderer_context and renderer_context.get("response") is not None:
            view = renderer_context.get("view")
            name = getattr(view, "basename", None) or "export"
            renderer_context["response"]["Content-Disposition"] = (
                f'attachment; filename="{name.removeprefix("api-")}.csv"'
            )
        return out.getvalue().encode(self.charset)


class CSVExportMixin:
    """`?format=csv` (or `Accept: text/csv`) on a list returns every row that the filters
    select, unpaginated, through the same serializer, so the same fields are left out."""

    renderer_classes = [*api_settings.DEFAULT_RENDERER_CLASSES, CSVRenderer]

    def paginate_queryset(self, queryset):
        renderer = getattr(self.request, "accepted_renderer", None)
        if renderer is not None and renderer.format == CSVRenderer.format:
            paginator = self.paginator
            if isinstance(paginator, BoundedPageNumberPagination):
                # Not used for a download, but still refused when malformed, as for JSON.
                paginator.get_page_size(self.request)
                paginator.get_page_number(self.request, None)
            return None
        return super().paginate_queryset(queryset)


# --- Views -------------------------------------------------------------------------------


_ENTITY_TAG = re.compile(r'\s*(?:W/)?"(\d+)"\s*')


class VersionedRecordMixin:
    """Optimistic concurrency over HTTP. A record's detail (and every write's answer)
    carries `ETag: "<version>"`. A PATCH or DELETE with `If-Match` naming an older version
    answers 412 and writes nothing; the version is checked again under the row's lock when
    the write happens, so two clients holding the same version cannot both write. Without
    `If-Match` the write goes ahead (it still writes only the fields sent)."""

    def if_match_version(self, instance) -> int | None:
        """The version `If-Match` names, or None when the header is absent or `*`. A
        header that names no current version of the record is a 412."""
        header = self.request.headers.get("If-Match", "").strip()
        if not header or header == "*":
            return None
        tags = [tag for tag in header.split(",") if tag.strip()]
        versions = set()
        for tag in tags:
            # A weak tag is taken as its strong form: proxies that compress a response
            # weaken its ETag, and the version it names is the same.
            match = _ENTITY_TAG.fullmatch(tag)
            if match:
                versions.add(int(match[1]))
        if instance.version not in versions:
            raise PreconditionFailed(version=instance.version)
        return instance.version

    def with_etag(self, response: Response, instance) -> Response:
        version = getattr(instance, "version", None)
        if version is not None:
            response["ETag"] = etag(version)
        return response

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        return self.with_etag(Response(self.detail_data(instance)), instance)

    def detail_data(self, instance) -> dict:
        """The record as a read shows it."""
        return self.get_serializer(instance).data


class RecordViewSet(
    VersionedRecordMixin,
    CSVExportMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """List and retrieve through read serializers; create and update (PATCH) through small
    input serializers that call services, answering with the detail representation.

    Subclasses set `serializer_class` (list), `detail_serializer_class`,
    `create_serializer_class` and `update_serializer_class`. Update serializers receive
    `expected_version` (from `If-Match`, or None) and hand it to the service.
    """

    permission_classes = [RolePermission]
    pagination_class = BoundedPageNumberPagination
    # Bodies are JSON (a form could not tell an empty value from null).
    parser_classes = [BoundedJSONParser]
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    detail_serializer_class = None
    create_serializer_class = None
    update_serializer_class = None

    @property
    def permission_model(self):
        """The model whose permissions `RolePermission` asks for: the one the list
        serializer shows (the one `get_queryset` reads; a test holds them equal)."""
        return getattr(getattr(self.serializer_class, "Meta", None), "model", None)

    def get_serializer_class(self):
        if self.action == "create" and self.create_serializer_class:
            return self.create_serializer_class
        if self.action == "partial_update" and self.update_serializer_class:
            return self.update_serializer_class
        if self.action != "list" and self.detail_serializer_class:
            return self.detail_serializer_class
        return super().get_serializer_class()

    def respond_with(self, instance, status_code: int = status.HTTP_200_OK) -> Response:
        """The record as the detail serializer shows it, read again through get_queryset()."""
        instance = self.get_queryset().get(pk=instance.pk)
        serializer_class = self.detail_serializer_class or self.serializer_class
        response = Response(
            serializer_class(instance, context=self.get_serializer_context()).data,
            status=status_code,
        )
        return self.with_etag(response, instance)

    def create(self, request, *args, **kwargs):
        if not self.create_serializer_class:
            raise exceptions.MethodNotAllowed(request.method)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self.respond_with(serializer.save(), status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        if not self.update_serializer_class:
            raise exceptions.MethodNotAllowed(request.method)
        instance = self.get_object()
        expected_version = self.if_match_version(instance)
        serializer = self.get_serializer(instance, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        return self.respond_with(serializer.save(expected_version=expected_version))


class DeletableRecordMixin(mixins.DestroyModelMixin):
    """For records that hold no history worth keeping; a record that others refer to
    answers 409 (its foreign keys are PROTECT). `If-Match` is honoured as for PATCH."""

    def perform_destroy(self, instance):
        expected_version = self.if_match_version(instance)
        with transaction.atomic():
            case_services.record_lock(record=instance, expected_version=expected_version)
            instance.delete()


# --- Schema ------------------------------------------------------------------------------


# Every operation can answer these, in the one error shape: bad input or query string (400),
# no or bad credentials (401), a role without the right (403), no such record or address
# (404), a method the resource does not offer (405), a clash with the data (409), a stale
# `If-Match` (412), a body over the size limit (413), too many requests (429) and the database
# unavailable for a moment (503).
COMMON_ERROR_CODES = ("400", "401", "403", "404", "405", "409", "412", "413", "429", "503")


class ApiAutoSchema(AutoSchema):
    """Documents the error responses that every operation can give, in the one shape."""

    def _error_codes(self) -> Iterable[str]:
        return COMMON_ERROR_CODES

    def _is_versioned_write(self) -> bool:
        return (
            isinstance(self.view, VersionedRecordMixin)
            and self.method in ("PUT", "PATCH", "DELETE")
            and "{" in self.path
        )

    def _is_versioned_read(self) -> bool:
        return isinstance(self.view, VersionedRecordMixin) and (
            self.method in ("POST", "PUT", "PATCH") or (self.method == "GET" and "{" in self.path)
        )

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        if self._is_versioned_write():
            parameters.append(
                OpenApiParameter(
                    "If-Match",
                    str,
                    OpenApiParameter.HEADER,
                    description='The ETag of the record as you read it, e.g. `"3"`. If the '
                    "record has changed since, nothing is written and the answer is 412. "
                    "Optional: without it the write goes ahead.",
                )
            )
        if self._is_versioned_read():
            parameters.append(
                OpenApiParameter(
                    "ETag",
                    str,
                    OpenApiParameter.HEADER,
                    description='The record\'s version, e.g. `"3"`: send it back in '
                    "`If-Match` to update or delete only that version.",
                    response=["200", "201"],
                )
            )
        return parameters

    def get_response_serializers(self):
        # Writes answer with the record as a read shows it (RecordViewSet.respond_with).
        detail = getattr(self.view, "detail_serializer_class", None) or getattr(
            self.view, "serializer_class", None
        )
        if detail is not None and self.method in ("POST", "PATCH", "PUT"):
            action = getattr(self.view, "action", None)
            if action in ("create", "partial_update", "update"):
                return detail
        return super().get_response_serializers()

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in self._error_codes():
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    ErrorSerializer, code, media_types=["application/json"], direction=direction
                )
        return responses


def document_empty_query_values(result, generator, request, public):
    """A query parameter sent empty (`?nationality=`) is the same as one left out, as with
    every filter here; say so in the schema (`allowEmptyValue`)."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query" and not parameter.get("required"):
                    parameter["allowEmptyValue"] = True
    return result


# --- Tokens ------------------------------------------------------------------------------


def token_issue(*, user) -> Token:
    """A new token for `user`; any token they had stops working."""
    if not user.is_active:
        raise DomainError(_("An inactive account cannot get a token."), field="user")
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)


def token_revoke(*, user) -> bool:
    """Revokes `user`'s token; False when they had none."""
    deleted, _by_model = Token.objects.filter(user=user).delete()
    return bool(deleted)


# --- Archiving (after the schema class: the decorators below build on it) ---------------


class CanArchive(RolePermission):
    """Archiving is what deleting would be for a case record: it needs the model's delete
    permission (administrators)."""

    perms_map = {**RolePermission.perms_map, "POST": ["%(app_label)s.delete_%(model_name)s"]}


class ArchiveSerializer(serializers.Serializer):
    reason = serializers.CharField(
        required=False, allow_blank=True, max_length=100, help_text="Kept in the change history"
    )


_ARCHIVED_PARAMETER = OpenApiParameter(
    "archived",
    bool,
    description="Administrators only: `true` lists (or reads) archived records instead.",
)


class ArchivableRecordMixin:
    """Case records are never deleted (DELETE answers 405). An administrator archives one
    with `POST {id}/archive/` (and the records under it) and restores it with
    `POST {id}/restore/`. Archived records are left out of every list, page and figure;
    `?archived=true` reads them, for administrators.

    Views build their querysets from `self.records(Model)`."""

    archived_model = None

    @extend_schema(parameters=[_ARCHIVED_PARAMETER])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(parameters=[_ARCHIVED_PARAMETER])
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    def wants_archived(self) -> bool:
        if self.action == "restore":
            return True
        if self.action not in ("list", "retrieve"):
            return False
        value = self.request.query_params.get("archived", "").lower()
        if value not in ("", "true", "false"):
            raise exceptions.ValidationError({"archived": [_("Write true or false.")]})
        if value != "true":
            return False
        opts = self.archived_model._meta
        if not self.request.user.has_perm(f"{opts.app_label}.delete_{opts.model_name}"):
            raise exceptions.PermissionDenied(_("Only administrators read archived records."))
        return True

    def records(self, model):
        return model.all_objects.archived() if self.wants_archived() else model.objects.all()

    def people(self):
        """The detainees whose records this request reads: when archived records are listed
        or read, archived people too (archiving a person archives their records with them)."""
        from cases.models import Detainee

        reading_archived = self.action in ("list", "retrieve") and self.wants_archived()
        manager = Detainee.all_objects if reading_archived else Detainee.objects
        return manager.visible_to(self.request.user)

    @extend_schema(request=ArchiveSerializer, responses={204: None})
    @action(detail=True, methods=["post"], permission_classes=[CanArchive])
    def archive(self, request, *args, **kwargs):
        record = self.get_object()
        serializer = ArchiveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        case_services.record_archive(
            record=record, user=request.user, reason=serializer.validated_data.get("reason", "")
        )
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["post"], permission_classes=[CanArchive])
    def restore(self, request, *args, **kwargs):
        case_services.record_restore(record=self.get_object(), user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
