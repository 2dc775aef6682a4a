"""The applicant's cases (SPEC §4.1): the state of every filing the account made, as a line of steps —
submitted → in review → face review → filed — each with its date once it is reached.

Like the to-do list (beian.accounts.to_do), the subject apps register a source in ready(); a source is
`(user) -> list[Case]`, reading the user's own rows with a bounded number of queries."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from beian.core.plugins import Registry


@dataclass(frozen=True)
class CaseStep:
    label: str
    state: str  # done | current | to_come | stopped (returned, withdrawn, failed)
    on: datetime.date | None = None


@dataclass(frozen=True)
class Case:
    title: str
    kind: str  # what the case is, e.g. "new website"
    url: str
    status: str  # the subject's status, in words
    steps: tuple[CaseStep, ...] = field(default_factory=tuple)
    updated: datetime.datetime | None = None


case_sources: Registry[Callable] = Registry("applicant case sources")


def register_source(name: str, source: Callable) -> None:
    case_sources.register(name, source)


def cases_for(user) -> list[Case]:
    """Every source's cases, the most recently moved first."""
    found = [case for source in case_sources for case in source(user)]
    oldest = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    return sorted(found, key=lambda case: case.updated or oldest, reverse=True)
