from django import forms
from django.utils.translation import gettext_lazy as _

from beian.accounts.jurisdiction import agencies_in_scope
from beian.accounts.models import User
from beian.review.models import Kind, ReturnReason, Status
from beian.review.selectors import QueueFilter

OPEN_STATUSES = {Status.SUBMITTED, Status.IN_REVIEW, Status.FACE_REVIEW, Status.ONSITE_INSPECTION,
                 Status.INSPECTION_PASSED}


class QueueFilterForm(forms.Form):
    search = forms.CharField(label=_("Search"), required=False, max_length=100,
                             help_text=_("Name, domain, record number or the full certificate number"))
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("all kinds"))] + list(Kind.choices))
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("all"))] + [
        choice for choice in Status.choices if choice[0] in OPEN_STATUSES])
    agency = forms.ModelChoiceField(label=_("Agency"), required=False, queryset=None,
                                    empty_label=_("all agencies in my jurisdiction"))
    assignee = forms.ChoiceField(label=_("Assignee"), required=False, choices=[
        ("", _("anyone")), ("me", _("me")), ("nobody", _("nobody"))])
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, data, *, user):
        super().__init__(data)
        self.fields["agency"].queryset = agencies_in_scope(user).order_by("code")

    def queue_filter(self) -> QueueFilter:
        if not self.is_valid():
            return QueueFilter()
        data = self.cleaned_data
        return QueueFilter(kind=data["kind"], status=data["status"],
                           agency_id=data["agency"].pk if data["agency"] else None,
                           assignee=data["assignee"], overdue=data["overdue"], search=data["search"])


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Assign to"), queryset=None, required=False,
                                      empty_label=_("myself"))

    def __init__(self, data=None, *, item, user):
        super().__init__(data)

        self.fields["assignee"].queryset = User.objects.filter(
            is_active=True, role__in=User.POLICE_ROLES, agency=item.agency).order_by("username")


class PlainDecisionForm(forms.Form):
    """A decision that needs nothing but the button (approve)."""

    def __init__(self, *args, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item


def return_reasons_for(kind: str):
    """Active reasons of the catalogue for this kind (an empty `kinds` list means every kind)."""
    ids = [reason.pk for reason in ReturnReason.objects.filter(active=True)
           if not reason.kinds or kind in reason.kinds]
    return ReturnReason.objects.filter(pk__in=ids)


class ReturnDecisionForm(forms.Form):
    """Return for correction: reasons from the catalogue for the item's kind and a note. A kind whose
    applicant pages show reasons next to fields sets `field_choices` (§7.1 paths) so the reviewer can
    tie the reasons to one; otherwise each reason keeps the field the catalogue gives it."""

    field_choices: tuple = ()

    reasons = forms.ModelMultipleChoiceField(
        label=_("Reasons"), queryset=ReturnReason.objects.none(), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one reason.")})
    note = forms.CharField(label=_("Note to the applicant"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("What exactly to correct (optional)."))

    def __init__(self, *args, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item
        self.fields["reasons"].queryset = return_reasons_for(item.kind if item else "")
        if self.field_choices:
            self.fields["field"] = forms.ChoiceField(
                label=_("Field concerned"), required=False, choices=self.field_choices,
                help_text=_("The reasons are shown next to this field; without a choice, next to the "
                            "field each reason usually concerns."))
            self.order_fields(["reasons", "field", "note"])

    def reason_dicts(self) -> list[dict]:
        chosen_field = self.cleaned_data.get("field") or ""
        return [{"code": reason.code, "text": reason.text_zh, "text_zh": reason.text_zh,
                 "text_en": reason.text_en, "field": chosen_field or reason.field}
                for reason in self.cleaned_data["reasons"]]
