from django import forms
from django.utils.translation import gettext_lazy as _

from beian.core.models import CertificateType, PreApproval, SponsorType


class PrecheckForm(forms.Form):
    """A few fields a person can check before even registering; every one is optional."""

    website_name = forms.CharField(label=_("Website name"), max_length=200, required=False)
    domains = forms.CharField(
        label=_("Domain names"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line, the main domain first, e.g. example.cn"))
    pre_approvals = forms.ModelMultipleChoiceField(
        label=_("Pre-approvals you hold"), queryset=PreApproval.objects.filter(active=True),
        required=False, to_field_name="code", widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked if the website has none."))
    sponsor_type = forms.ModelChoiceField(
        label=_("Sponsor type"), queryset=SponsorType.objects.filter(active=True), required=False,
        to_field_name="code", empty_label=_("— choose —"))
    sponsor_name = forms.CharField(label=_("Unit or person name"), max_length=200, required=False)
    certificate_type = forms.ModelChoiceField(
        label=_("Certificate type"), queryset=CertificateType.objects.filter(active=True),
        required=False, to_field_name="code", empty_label=_("— choose —"))
    certificate_number = forms.CharField(label=_("Certificate number"), max_length=40, required=False)

    def document(self) -> dict:
        """The §7.1 document made of what was filled in."""
        data = self.cleaned_data
        sponsor = {key: value for key, value in {
            "type": data["sponsor_type"].code if data["sponsor_type"] else None,
            "name": data["sponsor_name"],
            "certificate_type": data["certificate_type"].code if data["certificate_type"] else None,
            "certificate_number": data["certificate_number"],
        }.items() if value}
        domains = [line.strip() for line in data["domains"].splitlines() if line.strip()]
        website = {key: value for key, value in {
            "name": data["website_name"], "domains": domains}.items() if value}
        if website:
            # Declared here, so "none ticked" means none held: the naming rules about them apply.
            website["pre_approvals"] = [approval.code for approval in data["pre_approvals"]]
        return {key: value for key, value in {"sponsor": sponsor, "website": website}.items() if value}
