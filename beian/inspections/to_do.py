"""The applicant's to-do items of face reviews and on-site inspections (beian.accounts.to_do): times
offered by the reviewer wait to be booked, until the last of them begins."""

from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from beian.accounts.to_do import Task
from beian.inspections.models import Appointment


def booking_tasks(user, today) -> list[Task]:
    offered = (Appointment.objects.filter(application__owner=user, status=Appointment.Status.OFFERED)
               .select_related("application")
               .annotate(last_start=Max("slots__starts_at", filter=Q(slots__withdrawn=False))))
    tasks = []
    for appointment in offered:
        if appointment.mode == Appointment.Mode.FACE_REVIEW:
            title = _("Book a time for the face review: %(name)s")
        else:
            title = _("Book a time for the on-site inspection: %(name)s")
        last = appointment.last_start
        tasks.append(Task(title=title % {"name": appointment.application.name},
                          url=reverse("filings:application", args=[appointment.application_id]),
                          action=_("Book a time"),
                          deadline=timezone.localtime(last).date() if last else None))
    return tasks
