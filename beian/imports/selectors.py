"""Who works with the imports, and for which agencies: the same for every import kind (unregistered
websites, legacy records). Each kind's selectors scope its own list with `agencies_for`."""

from django.db.models import QuerySet

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
