from django import forms
from django.utils.translation import gettext_lazy as _

from beian.imports import forms as import_forms
from beian.unregistered.models import UnregisteredWebsite


class ListFilterForm(import_forms.ListFilterForm):
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("any"))] + list(UnregisteredWebsite.Status.choices))
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    unmatched = forms.BooleanField(
        label=_("Unmatched only"), required=False,
        help_text=_("Open websites no sponsor entity matches, so nobody has been told to file them. "
                    "One imported without a certificate number can be found by its sponsor only by "
                    "searching for its domain."))


class DomainSearchForm(forms.Form):
    domain = forms.CharField(
        label=_("Domain"), max_length=253,
        help_text=_("The whole domain, exactly: e.g. example.cn or www.example.cn."),
        error_messages={"required": _("Enter the whole domain of the website to search for it."),
                        "max_length": _("A domain has at most 253 characters.")})
