"""Who a detainee is: creating the record, names and nationalities, who may restrict or
assign a case and the handover history, and the status and detaining country as a
source reports them."""

import pycountry
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from ..constants import DetaineeStatus, ReportedFact
from ..errors import DomainError, NotPermitted
from ..models import Detainee, NameVariant, Nationality, Source
from ..partial_dates import PartialDate
from ..partial_dates import earliest as earliest_date
from ..querysets import is_admin
from .dated_reports import _report_date, detainee_facts_derive, fact_report_record
from .field_values import _NOT_A_COUNTRY, _date_kwargs
from .sources import cite

# Who may see a case depends on these two fields; changing them takes this permission.
ACCESS_FIELDS = ("is_restricted", "assigned_caseworker")
RESTRICT_PERMISSION = "cases.restrict_detainee"


def detainee_access_check(*, user, changes: dict, detainee: Detainee | None = None) -> None:
    """Refuses a change of restriction or assignment (in `changes`) that `user` may not
    make: only holders of `cases.restrict_detainee` (administrators by default) change
    them; a restricted case needs its assigned caseworker; and nobody but an administrator
    restricts a case out of their own sight. Values sent unchanged pass."""
    current = {
        "is_restricted": detainee.is_restricted if detainee else False,
        "assigned_caseworker": detainee.assigned_caseworker if detainee else None,
    }
    sent = {name: changes[name] for name in ACCESS_FIELDS if name in changes}
    changed = [name for name, value in sent.items() if value != current[name]]
    if not changed:
        return
    if not user.has_perm(RESTRICT_PERMISSION):
        raise NotPermitted(
            "Only administrators restrict a case or assign its caseworker.", field=changed[0]
        )
    after = {**current, **sent}
    if after["is_restricted"] and after["assigned_caseworker"] is None:
        raise DomainError(
            _(
                "A restricted case needs an assigned caseworker: only they and administrators "
                "see it."
            ),
            field="assigned_caseworker",
        )
    if after["is_restricted"] and after["assigned_caseworker"] != user and not is_admin(user):
        raise DomainError(
            _("You would no longer see this case: assign it to yourself or ask an administrator."),
            field="assigned_caseworker",
        )


def _acting_user(record: Model):
    """Who is making a change: the user a caller named for the history, else the signed-in
    user of the request being served (the history middleware keeps it), else None."""
    from simple_history.models import HistoricalRecords

    user = getattr(record, "_history_user", None)
    if user is None:
        request = getattr(HistoricalRecords.context, "request", None)
        user = getattr(request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


def assignment_change_record(
    *, detainee: Detainee, previous_id: int | None, user=None, note: str = ""
) -> Model | None:
    """Records a change of `detainee.assigned_caseworker` (already saved; `previous_id` is
    the holder before it) in the handover history: the previous holder's period ends now and
    the new holder's begins. Every writer of the field calls this (the handover, the API,
    the admin), so the history shows who held the case when however it was changed. The
    history's rows are reached through the reverse relation: this app does not import the
    casework app. Answers the new period, or None when nothing changed."""
    if previous_id == detainee.assigned_caseworker_id:
        return None
    assignments = Detainee._meta.get_field("assignments").related_model.objects
    now = timezone.now()
    current = assignments.select_for_update().filter(detainee=detainee, ended_at__isnull=True)
    current = current.first()
    if current is None and previous_id is not None:
        # Held since before handovers were recorded: its start is unknown.
        current = assignments.create(detainee=detainee, caseworker_id=previous_id, started_at=None)
    if current is not None:
        current.ended_at = now
        current.save(update_fields=["ended_at"])
    return assignments.create(
        detainee=detainee,
        caseworker_id=detainee.assigned_caseworker_id,
        assigned_by=user,
        note=(note or "").strip(),
        started_at=now,
    )


@transaction.atomic
def detainee_create(
    *,
    full_name: str,
    name_original_script: str = "",
    nationalities: list[str] | tuple[str, ...] = (),
    name_variants: list[str] | tuple[str, ...] = (),
    status: str = DetaineeStatus.UNKNOWN,
    sex: str = "",
    date_of_birth: PartialDate | None = None,
    source: Source | None = None,
    quote: str = "",
    status_as_of: PartialDate | None = None,
    **fields,
) -> Detainee:
    full_name = " ".join((full_name or "").split())
    if not full_name:
        raise DomainError(_("A detainee needs a name."), field="full_name")
    detainee = Detainee.objects.create(
        full_name=full_name,
        name_original_script=name_original_script,
        status=status,
        sex=sex,
        **_date_kwargs("date_of_birth", date_of_birth),
        **fields,
    )
    if detainee.assigned_caseworker_id is not None:
        assignment_change_record(detainee=detainee, previous_id=None, user=_acting_user(detainee))
    cite(detainee, source, quote)
    for country in nationalities:
        nationality_add(detainee=detainee, country=country, source=source, quote=quote)
    for variant in (full_name, name_original_script, *name_variants):
        if variant:
            name_variant_add(detainee=detainee, name=variant, source=source, quote=quote)
    if status != DetaineeStatus.UNKNOWN:
        fact_report_record(
            detainee=detainee,
            fact=ReportedFact.STATUS,
            value=status,
            as_of=status_as_of,
            source=source,
            quote=quote,
        )
    if date_of_birth is not None:
        fact_report_record(
            detainee=detainee,
            fact=ReportedFact.DATE_OF_BIRTH,
            value=date_of_birth.isoformat(),
            source=source,
            quote=quote,
        )
    return detainee


def fact_date_record(
    fact: Model, *, as_of: PartialDate | None = None, source: Source | None = None
) -> None:
    """Dates a charge, name variant or nationality as a source reports it (`as_of` when the
    text gives the event's date, else the source's publication date; a caseworker's entry
    without a source, the day it is made). The fact keeps the earliest date it is reported
    as of, or a finer one inside it: a later article repeating it does not move it."""
    reported = _report_date(as_of, source)
    date = earliest_date(fact.reported_as_of, reported)
    if date is None or date == fact.reported_as_of:
        return
    fact.as_of, fact.as_of_precision = date.value, date.precision
    fact.save(update_fields=["as_of", "as_of_precision"])


def name_variant_add(
    *,
    detainee: Detainee,
    name: str,
    source: Source | None = None,
    quote: str = "",
    as_of: PartialDate | None = None,
) -> NameVariant:
    """Adds a spelling unless the detainee already has it (ignoring case and spacing)."""
    name = " ".join((name or "").split())
    if not name:
        raise DomainError(_("A name variant cannot be empty."), field="name")
    folded = name.casefold()
    variant = next((v for v in detainee.name_variants.all() if v.name.casefold() == folded), None)
    if variant is None:
        variant = NameVariant.objects.create(
            detainee=detainee, name=name, **_date_kwargs("as_of", _report_date(as_of, source))
        )
    else:
        fact_date_record(variant, as_of=as_of, source=source)
    cite(variant, source, quote)
    return variant


def nationality_add(
    *,
    detainee: Detainee,
    country: str,
    source: Source | None = None,
    quote: str = "",
    as_of: PartialDate | None = None,
) -> Nationality:
    code = (country or "").upper()
    if pycountry.countries.get(alpha_2=code) is None:
        raise DomainError(_NOT_A_COUNTRY % {"code": country}, field="nationality")
    nationality, created = Nationality.objects.get_or_create(
        detainee=detainee,
        country=code,
        defaults=_date_kwargs("as_of", _report_date(as_of, source)),
    )
    if not created:
        fact_date_record(nationality, as_of=as_of, source=source)
    cite(nationality, source, quote)
    return nationality


def _derive_onto(detainee: Detainee) -> None:
    """Re-derives the current values and copies them onto the caller's instance."""
    derived = detainee_facts_derive(detainee=detainee)
    for name in ("status", "detaining_country", "current_facility_id", "updated_at"):
        setattr(detainee, name, getattr(derived, name))


def detainee_status_record(
    *,
    detainee: Detainee,
    status: str,
    as_of: PartialDate | None = None,
    source: Source | None = None,
    quote: str = "",
) -> Detainee:
    """Records a status as a source reports it as of a date (the source's publication date
    when the text gives none), and cites the source. The status on the record is the
    latest reported one: an older report joins the timeline without moving it back."""
    if status not in DetaineeStatus.values:
        raise DomainError(
            _("%(status)r is not a detainee status.") % {"status": status}, field="status"
        )
    with transaction.atomic():
        if status != DetaineeStatus.UNKNOWN:
            fact_report_record(
                detainee=detainee,
                fact=ReportedFact.STATUS,
                value=status,
                as_of=as_of,
                source=source,
                quote=quote,
            )
        cite(detainee, source, quote)
        _derive_onto(detainee)
    return detainee


def detainee_country_record(
    *,
    detainee: Detainee,
    country: str,
    as_of: PartialDate | None = None,
    source: Source | None = None,
    quote: str = "",
) -> Detainee:
    """Records which country holds the detainee as a source reports it as of a date."""
    code = (country or "").upper()
    if pycountry.countries.get(alpha_2=code) is None:
        raise DomainError(_NOT_A_COUNTRY % {"code": country}, field="country")
    with transaction.atomic():
        fact_report_record(
            detainee=detainee,
            fact=ReportedFact.DETAINING_COUNTRY,
            value=code,
            as_of=as_of,
            source=source,
            quote=quote,
        )
        _derive_onto(detainee)
    return detainee
