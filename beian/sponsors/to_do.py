"""The applicant's to-do items of the sponsor entity (beian.accounts.to_do): an entity or an identity
change returned for correction, a certificate about to expire (settings.CERTIFICATE_EXPIRY_NOTICE_DAYS)."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from beian.accounts.to_do import Task, returned_details
from beian.sponsors.models import SponsorEntity, SponsorIdentityChange


def sponsor_tasks(user, today) -> list[Task]:
    entity = SponsorEntity.objects.filter(owner=user).first()
    if entity is None:
        return []
    tasks = []
    if entity.status == SponsorEntity.Status.RETURNED:
        tasks.append(Task(title=_("Sponsor entity returned for correction"), url=reverse("sponsors:edit"),
                          action=_("Correct and resubmit"), details=returned_details(entity)))
    returned_change = entity.identity_changes.filter(status=SponsorIdentityChange.Status.RETURNED).first()
    if returned_change is not None:
        tasks.append(Task(title=_("Change of the sponsor's identity returned for correction"),
                          url=reverse("sponsors:edit"), action=_("Correct and resubmit"),
                          details=returned_details(returned_change)))
    notice = datetime.timedelta(days=settings.CERTIFICATE_EXPIRY_NOTICE_DAYS)
    valid_until = entity.certificate_valid_until
    if not entity.certificate_long_term and valid_until is not None and valid_until - today <= notice:
        title = (_("The sponsor's certificate has expired") if valid_until < today
                 else _("The sponsor's certificate expires soon"))
        tasks.append(Task(title=title, url=reverse("sponsors:entity"), action=_("Update the certificate"),
                          deadline=valid_until))
    return tasks
