"""The wizard's steps as a task list (SPEC §4.3): every step says whether it is done, still has answers to
give, or was returned by the reviewer, so that an applicant coming back sees at once where to go.

The states come from the same sources as submission: the answers still missing
(beian.filings.checks.missing_fields) and the reviewer's return reasons by field."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from beian.filings import checks
from beian.filings.models import WebsiteApplication

STEPS = ("sponsor", "basic", "leaders", "prompt", "check")

STATE_LABELS = {
    "done": gettext_lazy("Done"),
    "to_do": gettext_lazy("Not finished"),
    "returned": gettext_lazy("To be corrected"),
    "ready": gettext_lazy("Ready to submit"),
    "waiting": gettext_lazy("Not started"),
}


def step_titles() -> list[tuple[str, str]]:
    return [("sponsor", _("Sponsor")), ("basic", _("Website basic information")),
            ("leaders", _("Website leaders")), ("prompt", _("Prompt description")),
            ("check", _("Check your answers"))]


def returned_steps(application: WebsiteApplication) -> set[str]:
    if application.status not in (WebsiteApplication.Status.RETURNED, WebsiteApplication.Status.DRAFT):
        return set()
    return {checks.step_of_field(checks.form_field_of(reason.get("field") or ""))
            for reason in application.return_reasons}


def _state(name: str, missing_steps: set[str], returned: set[str]) -> str:
    if name == "sponsor":
        return "done"
    if name == "check":
        return "to_do" if missing_steps or returned else "ready"
    if name in returned:
        return "returned"
    return "to_do" if name in missing_steps else "done"


def step_list(application: WebsiteApplication | None, missing: list[dict] | None = None) -> list[dict]:
    """[{"name", "title", "state", "state_label"}] in wizard order; before a draft exists only the
    sponsor step can be taken."""
    if application is None:
        return [{"name": name, "title": title, "state": "waiting", "state_label": STATE_LABELS["waiting"]}
                for name, title in step_titles()]
    missing = checks.missing_fields(application) if missing is None else missing
    missing_steps = {entry["step"] for entry in missing}
    returned = returned_steps(application)
    steps = []
    for name, title in step_titles():
        state = _state(name, missing_steps, returned)
        steps.append({"name": name, "title": title, "state": state, "state_label": STATE_LABELS[state]})
    return steps
