"""Writes recorded under one label, and taking them back as a whole.

A write that may have to be undone as a unit (accepting a draft from an article) runs inside
`recording(label, user=...)`: every history row django-simple-history writes meanwhile, for
any model that keeps a history, carries the label as its change reason. `changes_revert`
later finds those rows, refuses if anyone has touched those records since, deletes the rows
the labelled write created and puts back the values it changed, in one transaction; its own
writes are recorded in the history under another label.

The mechanism knows no model by name: a model that keeps a history is covered as soon as it
exists. A write that bypasses `save()` (`QuerySet.update`, `bulk_create`) leaves no history
row and so cannot be taken back: services that may run inside `recording` save row by row.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache

from django.db import router, transaction
from django.db.models import Model, ProtectedError, RestrictedError
from django.db.models.deletion import Collector
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from simple_history.models import registered_models
from simple_history.signals import pre_create_historical_record

from .errors import Conflict
from .relations import history_of

# Fields a restore leaves to the database or bumps rather than winding back.
VERSION_FIELD = "version"

_current: ContextVar[tuple[str, object] | None] = ContextVar("history_label", default=None)


# Change reasons the app writes are kept in English (they are looked up by their words, as
# `changes_revert` does) and shown in the reader's language; one a person typed is shown as
# typed.
_WORDED_REASONS = (
    (re.compile(r"accepted from draft (?P<id>\d+)"), gettext_noop("accepted from draft %(id)s")),
    (re.compile(r"undo of draft (?P<id>\d+)"), gettext_noop("undo of draft %(id)s")),
    (re.compile(r"restored by (?P<user>.+)", re.S), gettext_noop("restored by %(user)s")),
)
_UNDONE = " (undone)"


def reason_shown(reason: str | None) -> str:
    """A history row's change reason in the active language."""
    if not reason:
        return ""
    if reason.endswith(_UNDONE):
        return _("%(reason)s (undone)") % {"reason": reason_shown(reason[: -len(_UNDONE)])}
    for pattern, wording in _WORDED_REASONS:
        if found := pattern.fullmatch(reason):
            return _(wording) % found.groupdict()
    return _(reason)


@contextmanager
def recording(label: str, *, user=None) -> Iterator[None]:
    """Every history row written inside the block carries `label` as its change reason (and
    `user` as its author, when given)."""
    token = _current.set((label[:100], user))
    try:
        yield
    finally:
        _current.reset(token)


@receiver(pre_create_historical_record, dispatch_uid="cases.changesets.label")
def _label_history_row(sender, history_instance, **kwargs) -> None:
    current = _current.get()
    if current is None:
        return
    label, user = current
    history_instance.history_change_reason = label
    if user is not None and getattr(user, "pk", None) is not None:
        history_instance.history_user_id = user.pk


def tracked_models() -> list[type[Model]]:
    """Every model that keeps a history (through models of m2m histories aside)."""
    return [model for model in registered_models.values() if history_of(model) is not None]


@cache
def _depth(model: type[Model]) -> int:
    """How many foreign keys away from a root record a model sits: children are deleted
    before the rows they refer to."""
    tracked = set(tracked_models())
    parents = {
        f.related_model
        for f in model._meta.concrete_fields
        if f.many_to_one and f.related_model in tracked and f.related_model is not model
    }
    return 1 + max((_depth(p) for p in parents), default=-1)


def _describe(model: type[Model], row) -> str:
    name = str(model._meta.verbose_name)
    try:
        text = str(row.instance if hasattr(row, "history_type") else row)
    except Exception:  # a label that needs a deleted parent
        text = ""
    pk = getattr(row, model._meta.pk.attname, None)
    return f"{name} “{text}”" if text else f"{name} {pk}"


def _who_when(row) -> dict[str, str]:
    who = row.history_user.get_username() if row.history_user_id else _("someone")
    return {"who": who, "when": f"{row.history_date:%Y-%m-%d %H:%M}"}


@dataclass
class _Touched:
    model: type[Model]
    pk: object
    rows: list = field(default_factory=list)  # the labelled history rows, oldest first


@dataclass
class Reverted:
    deleted: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)


def _labelled(label: str, since) -> list[_Touched]:
    touched: dict[tuple, _Touched] = {}
    for model in tracked_models():
        pk_name = model._meta.pk.attname
        rows = history_of(model).filter(history_change_reason=label)
        if since is not None:
            # The change reason has no index; the history date has one.
            rows = rows.filter(history_date__gte=since)
        for row in rows.order_by("history_id"):
            key = (model, getattr(row, pk_name))
            touched.setdefault(key, _Touched(model, key[1])).rows.append(row)
    return list(touched.values())


def _refuse_if_changed_since(item: _Touched) -> None:
    pk_name = item.model._meta.pk.attname
    latest = history_of(item.model).filter(**{pk_name: item.pk}).order_by("-history_id").first()
    if latest.history_id == item.rows[-1].history_id:
        return
    fields = []
    if latest.history_type == "~":
        try:
            fields = [c.field for c in latest.diff_against(item.rows[-1]).changes]
        except Exception:  # a model whose tracked fields changed in between
            fields = []
    values = {
        "record": _describe(item.model, latest),
        "fields": f" ({', '.join(fields)})" if fields else "",
        "why": f" ({latest.history_change_reason})" if latest.history_change_reason else "",
        **_who_when(latest),
    }
    if latest.history_type == "-":
        message = _(
            "%(record)s was deleted by %(who)s on %(when)s%(why)s, after these changes were "
            "made; undo refused."
        )
    else:
        message = _(
            "%(record)s was changed%(fields)s by %(who)s on %(when)s%(why)s, after these "
            "changes were made; undo refused."
        )
    raise Conflict(message % values, field="draft")


def _restore(item: _Touched, before) -> str:
    """Puts back the values of history row `before`; a version counter moves forward."""
    model = item.model
    current = model._default_manager.filter(pk=item.pk).first()
    instance = current if current is not None else model(pk=item.pk)
    for f in model._meta.concrete_fields:
        if f.primary_key or getattr(f, "auto_now", False) or not hasattr(before, f.attname):
            continue
        if f.name == VERSION_FIELD:
            continue
        setattr(instance, f.attname, getattr(before, f.attname))
    if current is not None and any(f.name == VERSION_FIELD for f in model._meta.concrete_fields):
        setattr(instance, VERSION_FIELD, (getattr(current, VERSION_FIELD) or 0) + 1)
    instance.save()
    return _describe(model, instance)


def _delete(item: _Touched, deleting: set[tuple]) -> str:
    """Deletes a row the labelled write created, unless something else now depends on it."""
    model = item.model
    instance = model._default_manager.filter(pk=item.pk).first()
    if instance is None:
        return ""
    using = router.db_for_write(model)
    collector = Collector(using=using)
    try:
        collector.collect([instance])
    except (ProtectedError, RestrictedError) as exc:
        blocking = next(iter(getattr(exc, "protected_objects", None) or exc.restricted_objects))
        raise Conflict(
            _("%(added)s, added after these changes were made, refers to %(record)s; undo refused.")
            % {"added": _describe(type(blocking), blocking), "record": _describe(model, instance)},
            field="draft",
        ) from exc
    for related_model, rows in collector.data.items():
        for row in rows:
            if (related_model, row.pk) not in deleting and (related_model, row.pk) != (
                model,
                item.pk,
            ):
                raise Conflict(
                    _(
                        "%(added)s was added to %(record)s after these changes were made; "
                        "undo refused."
                    )
                    % {
                        "added": _describe(related_model, row),
                        "record": _describe(model, instance),
                    },
                    field="draft",
                )
    for queryset in collector.fast_deletes:
        if queryset.exists():
            raise Conflict(
                _("%(added)s were added to %(record)s after these changes were made; undo refused.")
                % {
                    "added": queryset.model._meta.verbose_name_plural,
                    "record": _describe(model, instance),
                },
                field="draft",
            )
    text = _describe(model, instance)
    instance.delete()
    return text


def changes_revert(
    *, label: str, undo_label: str, user=None, since: dt.datetime | None = None
) -> Reverted:
    """Takes back every change recorded under `label` (no earlier than `since`, when the
    caller knows when it began): rows it created are deleted, rows it changed get their
    earlier values back. Refused (Conflict, naming the record) when any of those records was
    changed after it, or another record now depends on one it created."""
    done = Reverted()
    with transaction.atomic(), recording(undo_label, user=user):
        touched = _labelled(label, since)
        for item in touched:
            # Locked first, so nobody writes between the check and the undo.
            list(item.model._default_manager.select_for_update().filter(pk=item.pk))
        for item in touched:
            _refuse_if_changed_since(item)
        created = [t for t in touched if t.rows[0].history_type == "+"]
        changed = [t for t in touched if t.rows[0].history_type != "+"]
        pk_names = {t.model: t.model._meta.pk.attname for t in touched}
        for item in changed:
            before = (
                history_of(item.model)
                .filter(**{pk_names[item.model]: item.pk}, history_id__lt=item.rows[0].history_id)
                .order_by("-history_id")
                .first()
            )
            if before is not None and before.history_type != "-":
                done.restored.append(_restore(item, before))
        alive = [t for t in created if t.rows[-1].history_type != "-"]
        deleting = {(t.model, t.pk) for t in alive}
        by_depth = defaultdict(list)
        for item in alive:
            by_depth[_depth(item.model)].append(item)
        for depth in sorted(by_depth, reverse=True):
            for item in sorted(by_depth[depth], key=lambda t: t.rows[0].history_id, reverse=True):
                text = _delete(item, deleting)
                if text:
                    done.deleted.append(text)
        # Marked as taken back, so that the same label can be used again (a draft accepted
        # anew after an undo) and the history reads what happened.
        for model in {t.model for t in touched}:
            history_of(model).filter(history_change_reason=label).update(
                history_change_reason=f"{label} (undone)"[:100]
            )
    return done
