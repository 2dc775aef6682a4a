from django.utils.functional import SimpleLazyObject

from beian.accounts.models import User
from beian.accounts.to_do import tasks_for


def to_do_count(request):
    """How many things wait for an applicant, for the header. Lazy: a page whose template does not show
    it asks no source."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.role != User.Role.APPLICANT:
        return {}
    return {"to_do_count": SimpleLazyObject(lambda: len(tasks_for(user)))}
