"""Staff accounts are deactivated, never deleted (ADR 0103): their decisions, reviews and audit entries
must stay attributable to a person. The Django admin offers no delete for any account (applicants
close theirs through beian.data_rights); this guard also stops a delete from code or the shell."""

from django.db.models import ProtectedError
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from beian.accounts.models import User


def is_never_deleted(user: User) -> bool:
    return user.role in User.STAFF_ROLES or user.is_staff or user.is_superuser


@receiver(pre_delete, sender=User, dispatch_uid="beian.accounts.refuse_deleting_staff")
def refuse_deleting_staff(sender, instance: User, **kwargs) -> None:
    if is_never_deleted(instance):
        raise ProtectedError(
            f"Staff account {instance.username!r} cannot be deleted: deactivate it instead "
            "(beian.staff.services.deactivate_staff_account).", {instance})
