"""Where an app registers a list that can be exported in the background, and how its export button
starts one. It lives in core, below every app with a list, because a list sits in any layer: the
review queue sits below beian.imports, which writes the exports (ExportRun, the task, "my exports"),
so review could not import the registry if it lived there (ADR 0106's layers).

beian.imports plugs in the one function that starts an export (`set_starter`, in its ready()); each
app with a list registers its `Exporter` in its own ready()."""

from collections.abc import Callable
from dataclasses import dataclass

from beian.core.plugins import Registry


@dataclass(frozen=True)
class Exporter:
    """One exportable list: `items(user, filters)` is the list as its page shows it to that user
    (filters a QueryDict of the page's query string), `header()` its column names and
    `row(item, today)` one line of it."""

    kind: str
    items: Callable
    header: Callable
    row: Callable
    audit_action: str  # recorded when an export is started
    file_name: str  # before "-<run>.<format>"
    title: Callable  # () → the list's name, shown in "my exports"


EXPORTERS: Registry[Exporter] = Registry("exporters")
_STARTERS: Registry[Callable] = Registry("export starters")


def register(exporter: Exporter) -> None:
    EXPORTERS.register(exporter.kind, exporter)


def set_starter(start: Callable) -> None:
    """`start(request, kind, file_format)` → the response of an export button (beian.imports)."""
    _STARTERS.register("start", start)


def start(request, kind: str, file_format: str):
    """What the export button of the list `kind` does: an export written in the background, followed
    and downloaded on "my exports". The caller's view checks the list's roles and requires POST."""
    return _STARTERS["start"](request, kind, file_format)
