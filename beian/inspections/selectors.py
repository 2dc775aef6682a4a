"""Reads of face reviews and inspections, always within the reader's scope: an applicant reads the
appointments of their own applications (anything else is DoesNotExist → 404); police read those of
applications filed with an agency of their jurisdiction."""

from django.db.models import QuerySet

from beian.accounts.jurisdiction import agencies_in_scope
from beian.accounts.models import User
from beian.inspections.models import Appointment


def for_applicant(user) -> QuerySet[Appointment]:
    if not getattr(user, "is_authenticated", False) or user.role != User.Role.APPLICANT:
        return Appointment.objects.none()
    return Appointment.objects.filter(application__owner=user).select_related("application")


def for_police(user) -> QuerySet[Appointment]:
    if getattr(user, "role", None) not in User.POLICE_ROLES:
        return Appointment.objects.none()
    return (Appointment.objects.filter(application__agency__in=agencies_in_scope(user))
            .select_related("application", "reviewer"))


def appointment_of_applicant(user, appointment_id: int) -> Appointment:
    return for_applicant(user).get(pk=appointment_id)


def latest_of(appointments: QuerySet[Appointment], application_id: int) -> Appointment | None:
    """The appointment worth showing on the application: the open one, else the last decided one
    (a cancelled one is noise: the application moved on another way)."""
    return (appointments.filter(application_id=application_id)
            .exclude(status=Appointment.Status.CANCELLED).prefetch_related("slots").first())


def latest_for_applicant(user, application_id: int) -> Appointment | None:
    return latest_of(for_applicant(user), application_id)


def latest_for_police(user, application_id: int) -> Appointment | None:
    return latest_of(for_police(user), application_id)


def open_appointment_for_item(item) -> Appointment | None:
    """The open appointment of a workbench item (the item was already read within the reviewer's
    scope by the workbench)."""
    return Appointment.objects.filter(application_id=item.subject_id, status__in=Appointment.OPEN).first()
