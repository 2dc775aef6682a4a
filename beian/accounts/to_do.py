"""What an applicant's account must do next (SPEC §4.1): one list, most urgent first, each item with its
deadline and one button. The account's home shows the list; the header shows its length.

The subject apps know what waits for the applicant (a returned filing, times to book, a website to
file or claim, a failed badge check, a certificate about to expire); each registers a source in its
AppConfig.ready() (a beian.core.plugins.Registry, ADR 0106), so this module, low in the layers, never
imports them. A source is a function
`(user, today) -> list[Task]` that reads only the user's own rows with a bounded number of queries.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import get_language

from beian.core.plugins import Registry

Source = Callable[["object", datetime.date], list["Task"]]


@dataclass(frozen=True)
class Task:
    title: str
    url: str
    action: str  # the button's label
    deadline: datetime.date | None = None
    details: tuple[str, ...] = field(default_factory=tuple)  # e.g. the reviewer's reasons

    def days_left(self, today: datetime.date) -> int | None:
        return None if self.deadline is None else (self.deadline - today).days


to_do_sources: Registry[Source] = Registry("applicant to-do sources")


def register_source(name: str, source: Source) -> None:
    """Called from an app's ready(); registering the same name again replaces it (reloads in tests)."""
    to_do_sources.register(name, source)


def tasks_for(user, today: datetime.date | None = None) -> list[Task]:
    """Every source's tasks, dated ones first (soonest deadline first), then the undated ones."""
    if not getattr(user, "is_authenticated", False):
        return []
    today = today or timezone.localdate()
    found = [task for source in to_do_sources for task in source(user, today)]
    return sorted(found, key=lambda task: (task.deadline is None, task.deadline or today, task.title))


def reason_text(reason: dict) -> str:
    """A reviewer's return reason in the reader's language (reasons keep both texts)."""
    if (get_language() or "").startswith("en") and reason.get("text_en"):
        return reason["text_en"]
    return reason.get("text_zh") or reason.get("text") or ""


def returned_details(subject) -> tuple[str, ...]:
    """The reasons and the reviewer's note of a returned subject, as the list item shows them."""
    texts = [reason_text(reason) for reason in subject.return_reasons or []]
    if subject.return_note:
        texts.append(subject.return_note)
    return tuple(text for text in texts if text)
