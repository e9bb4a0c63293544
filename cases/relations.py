"""Rows that refer to a record, found through the app registry, and the change-history
table of a model.

Archiving a record (everything under it) and the duties towards a person (everything about
them) both follow the reverse one-to-many relations from a record, and from the rows found,
until nothing new turns up: a table added later, in any app, is covered without a change
here, and `cases` imports none of the apps that refer to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db.models import Model
from django.db.models.fields.reverse_related import ForeignObjectRel


def history_of(model: type[Model]):
    """The manager of `model`'s change history (django-simple-history), or None for a
    model that keeps none."""
    attribute = getattr(model._meta, "simple_history_manager_attribute", None)
    return getattr(model, attribute) if attribute else None


def referring_row_ids(
    model: type[Model],
    pks: Iterable,
    *,
    follows: Callable[[ForeignObjectRel], bool],
    with_history: bool = False,
) -> dict[type[Model], set]:
    """The primary keys, by model, of `model`'s rows `pks` and of every row that refers to
    them, or to a row so found, through a reverse one-to-many relation that `follows`
    accepts; archived rows included. With `with_history`, also the rows since deleted that
    their change history still holds (found by the same foreign keys)."""
    ids: dict[type[Model], set] = {model: set(pks)}
    changed = True
    while changed:
        changed = False
        for parent in list(ids):
            parents = ids[parent]
            for relation in parent._meta.related_objects:
                if not relation.one_to_many or not follows(relation):
                    continue
                child, field = relation.related_model, relation.field
                found = set(
                    child._base_manager.filter(**{f"{field.name}__in": parents}).values_list(
                        "pk", flat=True
                    )
                )
                history = history_of(child) if with_history else None
                if history is not None:
                    found |= set(
                        history.filter(**{f"{field.attname}__in": parents}).values_list(
                            child._meta.pk.attname, flat=True
                        )
                    )
                known = ids.setdefault(child, set())
                if not found <= known:
                    known |= found
                    changed = True
    return ids
