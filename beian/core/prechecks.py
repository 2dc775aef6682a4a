"""A pre-check of a §7.1 document: shared by the JSON API and the pre-check page."""

from django.utils import timezone

from beian.core.rule_context import check_context
from beian.rules import Severity, check_filing, message_for


def run_precheck(document: dict, language: str) -> dict:
    """The findings for `document` with messages in `language`: {"ok": bool, "problems": [...]}.

    Raises beian.rules.InputError (MalformedInput / UnknownCode) for documents that cannot be checked.
    """
    problems = check_filing(document, today=timezone.localdate(), context=check_context())
    return {
        "ok": not any(p.severity == Severity.ERROR for p in problems),
        "problems": [{"rule": p.rule, "severity": str(p.severity), "field": p.field,
                      "message": message_for(p, language)} for p in problems],
    }
