from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from beian.core.models import Agency
from beian.unregistered.models import UnregisteredWebsite
from beian.unregistered.services import create_api_token


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8 (with or without BOM) or GBK; the first line names the columns."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.UNREGISTERED_UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(limit)d MB. Split it into smaller files.")
                % {"limit": limit // (1024 * 1024)})
        return upload


class ListFilterForm(forms.Form):
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


class ApiTokenForm(forms.Form):
    """A new API token of an agency (the security administrator's page, beian.staff.token_pages)."""

    agency_code = forms.CharField(label=_("Agency code"), max_length=6, min_length=6,
                                  help_text=_("The 6-digit code of the agency; the token also imports for "
                                              "the agencies below it."),
                                  widget=forms.TextInput(attrs={"inputmode": "numeric",
                                                                "autocomplete": "off"}))
    name = forms.CharField(label=_("Name"), max_length=100,
                           help_text=_("What the token is for, e.g. the system that uses it."))
    valid_days = forms.IntegerField(label=_("Valid for (days)"), min_value=1,
                                    max_value=settings.API_TOKEN_MAX_VALID_DAYS,
                                    initial=settings.API_TOKEN_VALID_DAYS)

    def clean_agency_code(self):
        code = self.cleaned_data["agency_code"].strip()
        agency = Agency.objects.filter(code=code, active=True).first()
        if agency is None:
            raise forms.ValidationError(_("No agency has the code %(code)s.") % {"code": code})
        self.agency = agency
        return code

    def issue(self, *, actor, client_address):
        return create_api_token(agency=self.agency, name=self.cleaned_data["name"], actor=actor,
                                valid_days=self.cleaned_data["valid_days"], client_address=client_address)
