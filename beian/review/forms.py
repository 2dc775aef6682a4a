from django import forms
from django.utils.translation import gettext_lazy as _

from beian.accounts.jurisdiction import agencies_in_scope
from beian.accounts.models import User
from beian.review.models import Kind, ReturnReason, Status
from beian.review.selectors import DEFAULT_ORDER, QueueFilter

OPEN_STATUSES = {Status.SUBMITTED, Status.IN_REVIEW, Status.FACE_REVIEW, Status.ONSITE_INSPECTION,
                 Status.INSPECTION_PASSED}


class QueueFilterForm(forms.Form):
    """The queue's filters and order, all GET parameters (so a filtered queue is a link to keep)."""

    search = forms.CharField(label=_("Search"), required=False, max_length=100,
                             help_text=_("Name, domain, record number or the full certificate number"))
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("all kinds"))] + list(Kind.choices))
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("all"))] + [
        choice for choice in Status.choices if choice[0] in OPEN_STATUSES])
    due = forms.ChoiceField(label=_("Due"), required=False, choices=[
        ("", _("any time")), ("overdue", _("overdue")), ("soon", _("within 3 working days")),
        ("later", _("later"))])
    assignee = forms.ChoiceField(label=_("Assignee"), required=False)
    agency = forms.ModelChoiceField(label=_("Agency"), required=False, queryset=None,
                                    empty_label=_("all agencies in my jurisdiction"))
    interactive = forms.ChoiceField(label=_("Interactive services"), required=False, choices=[
        ("", _("either")), ("yes", _("yes")), ("no", _("no"))])
    sort = forms.ChoiceField(label=_("Order"), required=False, choices=[
        ("due", _("due date, earliest first")), ("-due", _("due date, latest first")),
        ("submitted", _("submitted, oldest first")), ("-submitted", _("submitted, newest first")),
        ("status", _("status"))])

    def __init__(self, data, *, user, reviewers=()):
        super().__init__(data)
        self.fields["assignee"].choices = [("", _("anyone")), ("me", _("me")), ("nobody", _("nobody"))] + [
            (str(reviewer.pk), reviewer.real_name or reviewer.get_username())
            for reviewer in reviewers if reviewer.pk != user.pk]
        if user.role == User.Role.SUPERVISOR:
            self.fields["agency"].queryset = agencies_in_scope(user).order_by("code")
        else:  # a reviewer's jurisdiction is one agency: nothing to choose
            del self.fields["agency"]

    def show_counts(self, counts: dict[str, dict[str, int]]) -> None:
        """Put the number of items after each kind and status option ("new website (12)")."""
        for facet, numbers in counts.items():
            field = self.fields[facet]
            field.choices = [(value, f"{label} ({numbers[value]})" if value in numbers else label)
                             for value, label in field.choices]

    def queue_filter(self) -> QueueFilter:
        if not self.is_valid():
            return QueueFilter()
        data = self.cleaned_data
        agency = data.get("agency")
        # ?overdue=on: the links of the due-window filter's predecessor still work.
        due = data["due"] or ("overdue" if self.data.get("overdue") else "")
        return QueueFilter(kind=data["kind"], status=data["status"],
                           agency_id=agency.pk if agency else None, assignee=data["assignee"], due=due,
                           interactive={"yes": True, "no": False}.get(data["interactive"]),
                           search=data["search"], sort=data["sort"] or DEFAULT_ORDER)


class SavedViewForm(forms.Form):
    name = forms.CharField(label=_("Name of this view"), max_length=60)


class BulkAssignForm(forms.Form):
    """The checked rows of the queue and whom to give them to ("nobody" puts them back in the queue)."""

    items = forms.TypedMultipleChoiceField(coerce=int, choices=(), error_messages={
        "required": _("Tick at least one item.")})
    assignee = forms.ChoiceField(label=_("Assign the ticked items to"))

    def __init__(self, data=None, *, user, reviewers=()):
        # Its own ids: the filter form on the same page has an "assignee" field too.
        super().__init__(data, auto_id="bulk_%s")
        # Any id is accepted here; the service checks each item's jurisdiction on its own.
        self.fields["items"].valid_value = lambda value: str(value).isdigit()
        self.fields["assignee"].choices = [
            ("me", _("me")), ("nobody", _("nobody (put back in the queue)"))] + [
            (str(reviewer.pk), reviewer.real_name or reviewer.get_username())
            for reviewer in reviewers if reviewer.pk != user.pk]
        self.reviewers = {str(reviewer.pk): reviewer for reviewer in reviewers}


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
