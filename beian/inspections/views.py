"""The applicant's answers to an offer of times: book one, or ask for others. Both are shown on the
application page (templates/inspections/application_panel.html) and come back to it."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beian.accounts.models import User
from beian.inspections import selectors, services
from beian.inspections.forms import OtherSlotsRequestForm, PickSlotForm
from beian.inspections.models import Appointment
from beian.staff.permissions import role_required


def _own_or_404(request, appointment_id: int) -> Appointment:
    try:
        return selectors.appointment_of_applicant(request.user, appointment_id)
    except Appointment.DoesNotExist as exc:
        raise Http404 from exc


def _back(appointment: Appointment):
    return redirect("filings:application", application_id=appointment.application_id)


def _first_error(form) -> str:
    return next(iter(form.errors.values()))[0]


@role_required(User.Role.APPLICANT)  # outermost: other roles get 403 whatever the method
@require_POST
def pick_slot_view(request, appointment_id: int):
    appointment = _own_or_404(request, appointment_id)
    form = PickSlotForm(request.POST, appointment=appointment)
    if not form.is_valid():
        messages.error(request, _first_error(form))
        return _back(appointment)
    try:
        appointment = services.pick_slot(actor=request.user, appointment_id=appointment.pk,
                                         slot_id=form.cleaned_data["slot"])
    except Appointment.DoesNotExist as exc:
        raise Http404 from exc
    except services.InspectionRefused as refused:
        messages.error(request, str(refused))
        return _back(appointment)
    messages.success(request, _booked_message(appointment))
    return _back(appointment)


def _booked_message(appointment: Appointment) -> str:
    return _("Booked: %(slot)s at %(place)s. We have sent you the details by SMS and will remind you "
             "the day before.") % {"slot": appointment.booked_slot.label, "place": appointment.place}


@role_required(User.Role.APPLICANT)  # outermost: other roles get 403 whatever the method
@require_POST
def ask_for_other_slots_view(request, appointment_id: int):
    appointment = _own_or_404(request, appointment_id)
    form = OtherSlotsRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _first_error(form))
        return _back(appointment)
    try:
        services.ask_for_other_slots(actor=request.user, appointment_id=appointment.pk,
                                     note=form.cleaned_data["note"])
    except Appointment.DoesNotExist as exc:
        raise Http404 from exc
    except services.InspectionRefused as refused:
        messages.error(request, str(refused))
        return _back(appointment)
    messages.success(request, _("Your request was sent to the reviewer, who will offer other times."))
    return _back(appointment)
