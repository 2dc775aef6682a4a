"""What beian.rules needs from the database: the keyword lists in force and the division table.

The rules package is pure Python; this is the one place that hands it administrator-edited data.
Compiled keyword matchers are memoised per content, so a check costs two small queries, not a
recompilation, and every process sees an administrator's change at its next check.
"""

import json
from functools import lru_cache

from beian.core.models import Division, PreApproval, RuleKeywordSet
from beian.rules import CheckContext, Keywords
from beian.rules.codes import PRE_APPROVALS


def keyword_lists_in_force() -> dict:
    latest = RuleKeywordSet.objects.order_by("-id").values_list("lists", flat=True).first()
    lists = {**Keywords.defaults().as_dict(), **(latest or {})}
    # Only the pre-approvals the rules know (SPEC §3); a code added later has no naming rule yet.
    lists["sector_keywords"] = {
        code: words for code, words in
        PreApproval.objects.filter(active=True, code__in=PRE_APPROVALS).values_list("code", "keywords")}
    return lists


@lru_cache(maxsize=8)
def _compiled(serialised: str) -> Keywords:
    return Keywords.from_dict(json.loads(serialised))


def _known_region(code: str) -> bool:
    return Division.objects.filter(code=code).exists()


def check_context(**lookups) -> CheckContext:
    """A CheckContext with the data in force; callers add their lookups (domain_already_filed, …)."""
    keywords = _compiled(json.dumps(keyword_lists_in_force(), sort_keys=True, ensure_ascii=False))
    return CheckContext(keywords=keywords, is_known_region=_known_region, **lookups)
