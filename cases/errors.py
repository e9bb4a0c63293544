"""Errors that services raise; the API maps each kind to one status code."""


class DomainError(Exception):
    """A rule of the domain was broken (HTTP 400)."""

    def __init__(self, message: str, *, field: str | None = None, details: dict | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        # Messages by (nested) field when there are several, e.g. {"facts": {"12": {...}}}.
        self.details = details


class Conflict(DomainError):
    """The request clashes with the current state of a record (HTTP 409)."""


class NotPermitted(DomainError):
    """The user may not do this (HTTP 403)."""


class StaleVersion(DomainError):
    """The record changed after the caller read it: a write based on the version the
    caller holds would undo someone else's change (HTTP 412 in the API)."""

    def __init__(self, record, *, expected: int):
        super().__init__(
            f"This record was changed by someone else after you read it: you sent version "
            f"{expected}, it is now at version {record.version}. Read it again and redo your "
            f"change on the current version."
        )
        self.record = record
        self.expected = expected
