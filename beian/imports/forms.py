"""The forms every import shares: the CSV upload of the workbench and a new API token of an agency."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from beian.core.models import Agency
from beian.imports.api_tokens import create_api_token


class ListFilterForm(forms.Form):
    """The search and filters every import kind's list has; a kind's form adds its own (status,
    overdue, …). Every field is a keyword of the kind's `for_staff`; the agency choices are the
    user's jurisdiction."""

    q = forms.CharField(label=_("Search"), max_length=200, required=False,
                        help_text=_("Part of a domain, a sponsor's name or a record number."))
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.none(), required=False,
                                    to_field_name="code", empty_label=_("All agencies of my jurisdiction"))

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies.order_by("code")


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
