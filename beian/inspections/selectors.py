"""Reads of face reviews and inspections, always within the reader's scope: an applicant reads the
appointments of their own applications (anything else is DoesNotExist → 404); police read those of
applications filed with an agency of their jurisdiction."""

import datetime

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from beian.accounts.jurisdiction import agencies_in_scope
from beian.accounts.models import User
from beian.inspections.models import Appointment, Slot
from beian.review.models import ReviewItem


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


def booked_slots_for_police(user, *, first_day: datetime.date, days: int) -> QuerySet[Slot]:
    """The booked times from `first_day` for `days` days (local) of the appointments held by the user
    or filed with the user's own agency, within their jurisdiction, earliest first. Each slot carries
    its appointment and application, and the workbench item it belongs to (`review_item_id`,
    `review_item_title`): one query however many there are."""
    if getattr(user, "role", None) not in User.POLICE_ROLES:
        return Slot.objects.none()
    start = timezone.make_aware(datetime.datetime.combine(first_day, datetime.time.min))
    end = start + datetime.timedelta(days=days)
    held_by_user_or_agency = Q(reviewer=user) | Q(application__agency_id=user.agency_id)
    appointments = for_police(user).filter(held_by_user_or_agency, status=Appointment.Status.BOOKED)
    item = ReviewItem.objects.filter(subject_type__app_label="filings",
                                     subject_type__model="websiteapplication",
                                     subject_id=OuterRef("appointment__application_id"))
    return (Slot.objects.filter(chosen=True, withdrawn=False, starts_at__gte=start, starts_at__lt=end,
                                appointment__in=appointments.values("pk"))
            .select_related("appointment__application", "appointment__reviewer")
            .annotate(review_item_id=Subquery(item.values("pk")[:1]),
                      review_item_title=Subquery(item.values("title")[:1]))
            .order_by("starts_at", "id"))
