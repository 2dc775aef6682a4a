"""Each kind of reviewable subject plugs into the workbench here (registered in its app's ready(), in
the `review_kinds` registry, ADR 0106).

The workbench owns the queue, assignment, the detail frame and the history; the kind supplies the
detail of its subject and its decisions, each a service function of the kind's own app, so that
"where does approval happen?" is answered by the kind's services.py.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from django import forms

from beian.core.plugins import Registry


@dataclass(frozen=True)
class Decision:
    name: str  # in URLs: /review/<id>/decide/<name>
    label: str  # lazily translated
    form_class: type[forms.Form]  # built with (data, item=item); empty form for a plain button
    # perform(actor=..., item=..., form=...) calls the kind's service; raises ReviewActionRefused
    perform: Callable
    is_available: Callable  # (item) -> bool, e.g. only while in review
    style: str = "primary"  # primary | secondary | danger
    # A decision that cannot be undone (a record number issued, a filing cancelled) is taken only after
    # a confirmation naming `consequence` (lazily translated); decide_view enforces it (issue 17).
    irreversible: bool = False
    consequence: str = ""


@dataclass(frozen=True)
class KindHandler:
    kind: str
    detail_template: str  # rendered inside the workbench detail page
    detail_context: Callable  # (item, request) -> dict for the template
    decisions: tuple[Decision, ...] = field(default_factory=tuple)
    # on_assigned(actor=..., item=...) inside the assignment's transaction: a kind whose state machine
    # has "in review" moves its subject there when a reviewer takes it (SPEC §5.1).
    on_assigned: Callable | None = None

    def available_decisions(self, item) -> list[Decision]:
        return [decision for decision in self.decisions if decision.is_available(item)]


review_kinds: Registry[KindHandler] = Registry("review kinds")


def register(handler: KindHandler) -> None:
    review_kinds.register(handler.kind, handler)


def handler_for(kind: str) -> KindHandler | None:
    return review_kinds.get(kind)


def add_decisions(kind: str, decisions: tuple[Decision, ...]) -> None:
    """Another app offers more decisions on a kind it does not own (inspections on website applications),
    after the kind's own; from that app's ready(), which runs after the kind's app's (INSTALLED_APPS
    order). A decision already there by name is not added twice."""
    handler = review_kinds[kind]
    present = {decision.name for decision in handler.decisions}
    added = tuple(decision for decision in decisions if decision.name not in present)
    review_kinds.register(kind, replace(handler, decisions=handler.decisions + added))
