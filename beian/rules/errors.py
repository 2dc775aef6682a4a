"""Exceptions for input that cannot be checked at all.

A filing with mistakes is not an exception: mistakes are reported as `Problem`s. These exceptions
are for documents that are not filings in the §7.1 shape (a string where a list is expected) or that
use codes outside the reference data of SPEC §3. The API layer turns both into a 4xx answer whose
message names `field` (a dotted path in the §7.1 shape); they are the only exceptions that
`check_filing` ever raises.
"""

from __future__ import annotations

from collections.abc import Iterable


class InputError(ValueError):
    """Base class: the document cannot be checked. `field` is the dotted path of the culprit."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field or '(document)'}: {message}")
        self.field = field
        self.detail = message


class MalformedInput(InputError):
    """A value has the wrong JSON type or an unreadable format (e.g. a date that is not YYYY-MM-DD)."""


class UnknownCode(InputError):
    """A code (sponsor type, certificate type, service type …) that is not in the reference data."""

    def __init__(self, field: str, value: object, allowed: Iterable[str]):
        self.value = value
        self.allowed = tuple(sorted(allowed))
        super().__init__(field, f"unknown code {value!r}; allowed: {', '.join(self.allowed)}")
