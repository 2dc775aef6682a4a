"""Forms of face reviews and inspections: the reviewer's offer of times and result, the applicant's
choice of a time or request for others."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from beian.inspections import slots as slot_rules
from beian.inspections.selectors import open_appointment_for_item
from beian.review.forms import ReturnDecisionForm


class SlotWidget(forms.MultiWidget):
    """A date and two times in one row; each input labelled for screen readers (the row's legend
    says which time it is)."""

    template_name = "inspections/slot_widget.html"

    def __init__(self, attrs=None):
        super().__init__([
            forms.DateInput(attrs={"type": "date", "aria-label": pgettext_lazy("time slot", "date")},
                            format="%Y-%m-%d"),
            forms.TimeInput(attrs={"type": "time", "aria-label": pgettext_lazy("time slot", "from")},
                            format="%H:%M"),
            forms.TimeInput(attrs={"type": "time", "aria-label": pgettext_lazy("time slot", "to")},
                            format="%H:%M"),
        ], attrs)

    def decompress(self, value):
        if value is None:
            return [None, None, None]
        starts, ends = timezone.localtime(value.starts_at), timezone.localtime(value.ends_at)
        return [starts.date(), starts.time(), ends.time()]


class SlotField(forms.MultiValueField):
    widget = SlotWidget

    def __init__(self, **kwargs):
        super().__init__(fields=[forms.DateField(), forms.TimeField(), forms.TimeField()],
                         require_all_fields=False, error_messages={
                             "incomplete": _("Give the date, the start time and the end time."),
                             "invalid": _("Give the date as YYYY-MM-DD and the times as HH:MM.")}, **kwargs)

    def compress(self, data_list):
        if not data_list or all(value in (None, "") for value in data_list):
            return None
        day, start, end = data_list
        return slot_rules.combine(day, start, end)


class SlotsMixin:
    """Slots 1–5 (the first required); each checked for the future, a working day, end after start."""

    def add_slot_fields(self):
        for number in range(1, slot_rules.MAX_SLOTS + 1):
            self.fields[f"slot_{number}"] = SlotField(
                label=_("Time %(number)d") % {"number": number}, required=number == 1,
                help_text=_("Date, start and end (China Standard Time).") if number == 1 else "")

    def clean_slots(self) -> list:
        now = timezone.now()
        proposed = []
        for number in range(1, slot_rules.MAX_SLOTS + 1):
            slot = self.cleaned_data.get(f"slot_{number}")
            if slot is None:
                continue
            problem = slot_rules.slot_problem(slot, now=now)
            if problem:
                self.add_error(f"slot_{number}", problem)
            else:
                proposed.append(slot)
        if not self.errors and not proposed:
            self.add_error("slot_1", _("Offer at least one time."))
        return proposed


class OfferForm(SlotsMixin, forms.Form):
    """Ask for a face review or an on-site inspection (the mode is the decision chosen)."""

    place = forms.CharField(label=_("Place"), max_length=200,
                            help_text=_("For a face review the address of the agency; for an inspection "
                                        "where the servers or the team are."))
    documents = forms.CharField(label=_("Documents to bring"), max_length=500,
                                widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item
        self.add_slot_fields()

    def clean(self):
        cleaned = super().clean()
        cleaned["slots"] = self.clean_slots()
        return cleaned


class FaceReviewForm(OfferForm):
    prefix = "face"  # several decision forms share the workbench page: ids must stay unique


class OnsiteInspectionForm(OfferForm):
    prefix = "onsite"


class OtherSlotsForm(OfferForm):
    """Offer other times after the applicant asked; the place and the documents start as they were."""

    prefix = "others"

    def __init__(self, *args, item=None, **kwargs):
        super().__init__(*args, item=item, **kwargs)

        appointment = open_appointment_for_item(item) if item is not None else None
        if appointment is not None:
            self.fields["place"].initial = appointment.place
            self.fields["documents"].initial = appointment.documents


class ResultForm(ReturnDecisionForm):
    """Passed, or failed with reasons from the return catalogue (the application is returned)."""

    prefix = "result"

    result = forms.ChoiceField(label=_("Result"), widget=forms.RadioSelect, choices=[
        ("passed", pgettext_lazy("inspection", "passed")),
        ("failed", _("failed: return the application with the reasons"))])

    def __init__(self, *args, item=None, **kwargs):
        super().__init__(*args, item=item, **kwargs)
        self.fields["reasons"].required = False
        self.fields["reasons"].help_text = _("Needed when it failed.")
        self.fields["note"].help_text = _("What was found, or what to correct (optional).")
        self.order_fields(["result", "reasons", "note"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("result") == "failed" and not cleaned.get("reasons"):
            self.add_error("reasons", _("Choose at least one reason why it failed."))
        return cleaned

    @property
    def passed(self) -> bool:
        return self.cleaned_data["result"] == "passed"


class PickSlotForm(forms.Form):
    slot = forms.TypedChoiceField(label=_("Choose a time"), widget=forms.RadioSelect, coerce=int,
                                  error_messages={"required": _("Choose one of the times."),
                                                  "invalid_choice": _("Choose one of the times offered.")})

    def __init__(self, *args, appointment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = [(slot.pk, slot.label) for slot in appointment.current_slots]


class OtherSlotsRequestForm(forms.Form):
    note = forms.CharField(label=_("Which days and times would suit you?"), max_length=500,
                           widget=forms.Textarea(attrs={"rows": 2}),
                           error_messages={"required": _("Say which days and times would suit you.")})
