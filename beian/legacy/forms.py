from django import forms
from django.utils.translation import gettext_lazy as _

from beian.imports import forms as import_forms
from beian.legacy.models import LegacyRecord


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Domain, ICP number or legacy record number"), max_length=300,
        help_text=_("The whole value, exactly: e.g. example.cn, 京ICP备12345678号-1 or 11010502030143."))


class ClaimForm(forms.Form):
    record = forms.IntegerField(widget=forms.HiddenInput)


class ListFilterForm(import_forms.ListFilterForm):
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("any"))] + list(LegacyRecord.Status.choices))
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
