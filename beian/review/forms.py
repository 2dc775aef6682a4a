from django import forms
from django.utils.translation import gettext_lazy as _

from beian.review.models import Kind, Status
from beian.review.selectors import QueueFilter
from beian.staff.jurisdiction import agencies_in_scope

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
        from beian.accounts.models import User

        self.fields["assignee"].queryset = User.objects.filter(
            is_active=True, role__in=User.POLICE_ROLES, agency=item.agency).order_by("username")
