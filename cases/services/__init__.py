"""Writes to the case record that span rows. Each function validates, writes and cites
its source in one transaction; callers (admin, API, ingest review, demo data) all come
through here.

Each part has its module; this package re-exports their public names, so that callers write
`from cases import services` and `services.detainee_create(...)`.
"""

# Callers catch the services' domain error as `services.DomainError`.
from ..errors import DomainError
from .archiving import record_archive, record_restore
from .custody import custody_period_record, extradition_record, facility_get_or_create
from .dated_reports import (
    detainee_birth_date_record,
    detainee_edits_settle,
    detainee_facts_derive,
    fact_choose,
    fact_report_record,
)
from .edits import detainee_update, record_lock, record_update
from .field_values import check_currency
from .legal_facts import (
    PRECISION_RANK,
    case_arrest_record,
    case_open,
    case_open_complete,
    charge_add,
    charge_max_penalty_record,
    sentence_record,
)
from .people import (
    ACCESS_FIELDS,
    RESTRICT_PERMISSION,
    assignment_change_record,
    detainee_access_check,
    detainee_country_record,
    detainee_create,
    detainee_status_record,
    fact_date_record,
    name_variant_add,
    nationality_add,
)
from .sources import check_web_address, cite, source_get_or_create

__all__ = [
    "ACCESS_FIELDS",
    "DomainError",
    "PRECISION_RANK",
    "RESTRICT_PERMISSION",
    "assignment_change_record",
    "case_arrest_record",
    "case_open",
    "case_open_complete",
    "charge_add",
    "charge_max_penalty_record",
    "check_currency",
    "check_web_address",
    "cite",
    "custody_period_record",
    "detainee_access_check",
    "detainee_birth_date_record",
    "detainee_country_record",
    "detainee_create",
    "detainee_edits_settle",
    "detainee_facts_derive",
    "detainee_status_record",
    "detainee_update",
    "extradition_record",
    "facility_get_or_create",
    "fact_choose",
    "fact_date_record",
    "fact_report_record",
    "name_variant_add",
    "nationality_add",
    "record_archive",
    "record_lock",
    "record_restore",
    "record_update",
    "sentence_record",
    "source_get_or_create",
]
