"""Who works with the imports, and for which agencies: the same for every import kind (unregistered
websites, legacy records). Each kind's selectors scope its own list with `agencies_for`."""

from django.db.models import Q, QuerySet

from beian.accounts.jurisdiction import agencies_in_scope
from beian.accounts.models import User
from beian.core.models import Agency

WORKBENCH_ROLES = (User.Role.REVIEWER, User.Role.SUPERVISOR, User.Role.SYSTEM_ADMINISTRATOR)
IMPORT_ROLES = (User.Role.SUPERVISOR, User.Role.SYSTEM_ADMINISTRATOR)


def agencies_for(user) -> QuerySet[Agency]:
    """Reviewers and supervisors: their jurisdiction; the system administrator: every agency."""
    if getattr(user, "role", None) == User.Role.SYSTEM_ADMINISTRATOR:
        return Agency.objects.all()
    return agencies_in_scope(user)


def searched(items: QuerySet, query: str, *, fields: tuple[str, ...],
             domain_field: str = "domain") -> QuerySet:
    """`items` where any of `fields` contains `query` (case-insensitive); a Unicode domain is also
    looked for in its A-label spelling, the one the lists store. An empty query keeps every item."""
    query = (query or "").strip()
    if not query:
        return items
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": query})
    ascii_query = _a_label(query)
    if ascii_query and ascii_query != query.lower():
        condition |= Q(**{f"{domain_field}__icontains": ascii_query})
    return items.filter(condition)


def _a_label(text: str) -> str:
    try:
        return text.lower().encode("idna").decode("ascii")
    except UnicodeError:
        return ""
