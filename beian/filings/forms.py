"""The wizard's step forms (SPEC §4.3). Nothing is required at a step: each step saves what is there
(the draft), and the check-your-answers page lists what is missing or wrong before submission.
Every form carries the draft version it was drawn from (the two-tab check)."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from beian.core import pii
from beian.core.forms import state_length_limits
from beian.core.models import CertificateType, Division, InteractiveService, PreApproval, ServiceType
from beian.filings.checks import LEADER_PREFIX
from beian.filings.labels import LANGUAGES
from beian.filings.models import LeaderDocument, WebsiteApplication
from beian.filings.uploads import clean_scheme_document
from beian.sponsors.documents import CleanImage, UploadRefused, clean_image
from beian.sponsors.photo_input import photo_input

YES_NO = [("yes", _("yes")), ("no", _("no"))]
LEADER_FIELDS = ("name", "certificate_type", "certificate_number", "mobile", "office_phone", "email")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").replace(",", "\n").replace("，", "\n").splitlines()
            if line.strip()]


def _yes_no(value: str):
    return {"yes": True, "no": False}.get(value)


class StepForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    # Answers the application may be submitted without (beian.filings.checks.missing_fields asks for
    # the rest): the page marks them "(optional)" so that nobody fills them in just in case.
    optional_fields: tuple[str, ...] = ()

    def __init__(self, *args, check_url: str = "", application: WebsiteApplication | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application
        self.add_fields()
        state_length_limits(self)
        for name in self.optional_fields:
            self.fields[name].optional = True
        if check_url:  # live checking: leaving a changed field asks the rules about it (htmx)
            for name, field in self.fields.items():
                if name != "version" and not isinstance(field, forms.FileField):
                    field.widget.attrs.update({"hx-post": check_url, "hx-trigger": "change",
                                               "hx-target": f"#findings-{name}", "hx-swap": "outerHTML",
                                               "hx-include": "closest form"})

    def add_fields(self) -> None:
        """Fields built from data (reference tables); before the live-check attributes are added."""

    def clean_images(self, data: dict, names: list[str]) -> dict:
        """Each uploaded image checked by content and re-encoded (CleanImage), or an error at its field."""
        for name in names:
            if data.get(name) is not None:
                try:
                    data[name] = clean_image(data[name], field=name)
                except UploadRefused as refused:
                    self.add_error(name, str(refused))
        return data


class BasicForm(StepForm):
    optional_fields = ("other_domains", "icp_number", "access_provider_region", "registrar",
                       "interactive_services", "pre_approvals")
    name = forms.CharField(label=_("Website name"), required=False, max_length=100)
    has_own_domain = forms.ChoiceField(
        label=_("Does the website have its own domain?"), choices=YES_NO, initial="yes",
        widget=forms.RadioSelect, required=False,
        help_text=_("Without an own domain, give the home page URL or IP address below."))
    main_domain = forms.CharField(label=_("Main domain"), required=False, max_length=253,
                                  help_text=_("Only the domain, such as example.cn."))
    other_domains = forms.CharField(label=_("Other domains"), required=False, max_length=5000,
                                    widget=forms.Textarea(attrs={"rows": 3}), help_text=_("One per line."))
    home_url = forms.CharField(label=_("Home page URL"), required=False, max_length=300)
    ips = forms.CharField(
        label=_("Website IP addresses"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: a single address, or a range start-end (IPv4 or IPv6). For a "
                    "virtual host its one address; for several servers the real start and end."))
    icp_number = forms.CharField(label=_("ICP record number"), required=False, max_length=40,
                                 help_text=_("Such as 京ICP备12345678号-1."))
    opened_on = forms.DateField(label=_("Opening date"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                                help_text=_("A website is filed within 30 days of opening."))
    access_provider = forms.CharField(
        label=_("Network access provider"), required=False, max_length=100,
        widget=forms.TextInput(attrs={"list": "access-providers", "autocomplete": "off"}),
        help_text=_("Choose from the list or type the name."))
    access_provider_region = forms.ModelChoiceField(
        label=_("Region of the access provider"), required=False, queryset=Division.objects.none(),
        empty_label=_("choose a province"))
    registrar = forms.CharField(label=_("Domain registrar"), required=False, max_length=100)
    hosting = forms.ChoiceField(label=_("Hosting method"), required=False,
                                choices=[("", _("choose"))] + list(WebsiteApplication.Hosting.choices))
    service_types = forms.MultipleChoiceField(label=_("Service types"), required=False,
                                              widget=forms.CheckboxSelectMultiple)
    interactive = forms.ChoiceField(label=_("Does the website offer interactive services?"), required=False,
                                    choices=YES_NO, widget=forms.RadioSelect)
    interactive_services = forms.MultipleChoiceField(label=_("Interactive services"), required=False,
                                                     widget=forms.CheckboxSelectMultiple)
    controlled_goods = forms.ChoiceField(
        label=_("Does the website deal in controlled goods?"), required=False, choices=YES_NO,
        widget=forms.RadioSelect)
    pre_approvals = forms.MultipleChoiceField(
        label=_("Pre-approvals"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Only those that apply; give each one's approval document number below."))
    languages = forms.MultipleChoiceField(label=_("Languages"), required=False, choices=LANGUAGES,
                                          widget=forms.CheckboxSelectMultiple)

    def add_fields(self) -> None:
        self.fields["access_provider_region"].queryset = Division.objects.filter(
            level=Division.Level.PROVINCE, active=True).order_by("code")
        self.fields["service_types"].choices = [(row.code, row.name) for row in
                                                ServiceType.objects.filter(active=True)]
        self.fields["interactive_services"].choices = [(row.code, row.name) for row in
                                                       InteractiveService.objects.filter(active=True)]
        self.pre_approval_rows = list(PreApproval.objects.filter(active=True))
        self.fields["pre_approvals"].choices = [(row.code, row.name) for row in self.pre_approval_rows]
        for row in self.pre_approval_rows:
            self.fields[f"pre_approval_number_{row.code}"] = forms.CharField(
                label=_("Approval document number: %(name)s") % {"name": row.name}, required=False,
                max_length=100)
            self.fields[f"pre_approval_scan_{row.code}"] = forms.FileField(
                label=_("Scan of the approval: %(name)s") % {"name": row.name}, required=False,
                help_text=_("JPEG or PNG; a larger photo is reduced to 512 KB automatically. A scan "
                            "uploaded before is kept unless you choose a new one."),
                widget=photo_input())

    def clean(self):
        return self.clean_images(super().clean(), [f"pre_approval_scan_{row.code}"
                                                   for row in self.pre_approval_rows])

    def shown_when(self) -> dict[str, str]:
        """Fields that apply only after another answer, as {field: "<field>=<value>"}: the page shows them
        only then (filings.js), so a non-interactive website without pre-approvals sees a short form.
        The server keeps them either way (a hidden answer is still saved and checked)."""
        conditions = {"interactive_services": "interactive=yes"}
        for row in self.pre_approval_rows:
            for part in ("number", "scan"):
                conditions[f"pre_approval_{part}_{row.code}"] = f"pre_approvals={row.code}"
        return conditions

    def document_number_fields(self):
        """Per pre-approval: its document number, then its scan."""
        return [self[f"pre_approval_{part}_{row.code}"] for row in self.pre_approval_rows
                for part in ("number", "scan")]

    def step_data(self) -> dict:
        """The cleaned data in the shape beian.filings.services.save_draft_step takes."""
        data = dict(self.cleaned_data)
        data.pop("version", None)
        data["has_own_domain"] = data.get("has_own_domain") != "no"
        for name in ("interactive", "controlled_goods"):
            data[name] = _yes_no(data.get(name))
        data["other_domains"] = _lines(data.get("other_domains"))
        data["ips"] = _lines(data.get("ips"))
        by_code = {row.code: row for row in self.pre_approval_rows}
        declared = [code for code in data.get("pre_approvals") or [] if code in by_code]
        data["pre_approvals"] = {by_code[code]: data.get(f"pre_approval_number_{code}", "")
                                 for code in declared}
        data["pre_approval_scans"] = {by_code[code]: data[f"pre_approval_scan_{code}"] for code in declared
                                      if isinstance(data.get(f"pre_approval_scan_{code}"), CleanImage)}
        for code in by_code:
            data.pop(f"pre_approval_number_{code}", None)
            data.pop(f"pre_approval_scan_{code}", None)
        return data


def initial_basic(application: WebsiteApplication) -> dict:
    domains = application.domain_list
    yes_no = {True: "yes", False: "no", None: ""}
    initial = {
        "version": application.version, "name": application.name,
        "has_own_domain": yes_no[application.has_own_domain],
        "main_domain": domains[0] if domains else "", "other_domains": "\n".join(domains[1:]),
        "home_url": application.home_url, "ips": "\n".join(application.ips),
        "icp_number": application.icp_number, "opened_on": application.opened_on,
        "access_provider": application.access_provider,
        "access_provider_region": application.access_provider_region_id, "registrar": application.registrar,
        "hosting": application.hosting, "service_types": application.service_types,
        "interactive": yes_no[application.interactive],
        "interactive_services": application.interactive_services,
        "controlled_goods": yes_no[application.controlled_goods], "languages": application.languages,
    }
    declared = list(application.pre_approvals.select_related("pre_approval"))
    initial["pre_approvals"] = [row.pre_approval.code for row in declared]
    initial.update({f"pre_approval_number_{row.pre_approval.code}": row.document_number for row in declared})
    return initial


class LeadersForm(StepForm):
    def add_fields(self) -> None:
        person_types = CertificateType.objects.filter(active=True, for_persons=True)
        for prefix in LEADER_PREFIX.values():
            self.fields[f"{prefix}_same_as_person_in_charge"] = forms.BooleanField(
                label=_("Same as the sponsor's person in charge"), required=False,
                widget=forms.CheckboxInput(attrs={"data-same-as": prefix}))
            self.fields[f"{prefix}_name"] = forms.CharField(label=_("Name"), required=False, max_length=50)
            self.fields[f"{prefix}_certificate_type"] = forms.ModelChoiceField(
                label=_("Certificate type"), required=False, queryset=person_types, to_field_name="code",
                empty_label=_("choose"))
            self.fields[f"{prefix}_certificate_number"] = forms.CharField(
                label=_("Certificate number"), required=False, max_length=30)
            self.fields[f"{prefix}_mobile"] = forms.CharField(label=_("Mobile phone"), required=False,
                                                              max_length=20)
            self.fields[f"{prefix}_office_phone"] = forms.CharField(
                label=_("Office telephone"), required=False, max_length=40,
                help_text=_("With the area code, such as 010-12345678."))
            self.fields[f"{prefix}_email"] = forms.EmailField(label=_("E-mail"), required=False,
                                                              max_length=254)
        for kind, label in LeaderDocument.Kind.choices:  # the security leader's ID photos
            self.fields[f"security_photo_{kind}"] = forms.FileField(
                label=label, required=False,
                help_text=_("JPEG or PNG, clear and complete. A larger photo is reduced to 512 KB "
                            "automatically."),
                widget=photo_input())

        self._offer_to_keep_numbers()

    def _stored_numbers(self) -> dict:
        """{prefix: (type code, full number)} of the leaders typed in before (not copied from the
        sponsor). The full numbers never go into the page (SPEC §8): left empty, a field keeps it."""
        if self.application is None:
            return {}
        return {LEADER_PREFIX[leader.role]: (leader.certificate_type.code, leader.certificate_number)
                for leader in self.application.leaders.select_related("certificate_type")
                if leader.certificate_type_id and leader.certificate_number_encrypted
                and not leader.same_as_person_in_charge}

    def _offer_to_keep_numbers(self) -> None:
        self.stored_numbers = self._stored_numbers()
        for prefix, (_type_code, number) in self.stored_numbers.items():
            field = self.fields[f"{prefix}_certificate_number"]
            field.help_text = _("Stored: %(masked)s. Leave the field empty to keep this number; type the "
                                "whole number only to replace it.") % {"masked": pii.mask(number)}
            field.widget.attrs["autocomplete"] = "off"

    def clean(self):
        data = self.clean_images(super().clean(), [f"security_photo_{kind}"
                                                   for kind in LeaderDocument.Kind.values])
        for prefix, (type_code, number) in self.stored_numbers.items():
            name, chosen = f"{prefix}_certificate_number", data.get(f"{prefix}_certificate_type")
            if not (data.get(name) or "").strip() and chosen is not None and chosen.code == type_code:
                data[name] = number  # left empty: the stored number of the same certificate stays
        return data

    def photo_fields(self) -> list:
        return [self[f"security_photo_{kind}"] for kind in LeaderDocument.Kind.values]

    def fields_of(self, prefix: str) -> list:
        return [self[f"{prefix}_{name}"] for name in LEADER_FIELDS]

    def step_data(self) -> dict:
        data = {prefix: {name: self.cleaned_data.get(f"{prefix}_{name}")
                         for name in ("same_as_person_in_charge", *LEADER_FIELDS)}
                for prefix in LEADER_PREFIX.values()}
        data["security"]["documents"] = {
            kind: self.cleaned_data[f"security_photo_{kind}"] for kind in LeaderDocument.Kind.values
            if isinstance(self.cleaned_data.get(f"security_photo_{kind}"), CleanImage)}
        return data


def initial_leaders(application: WebsiteApplication) -> dict:
    initial = {"version": application.version}
    for leader in application.leaders.select_related("certificate_type"):
        prefix = LEADER_PREFIX[leader.role]
        initial.update({
            f"{prefix}_same_as_person_in_charge": leader.same_as_person_in_charge,
            f"{prefix}_name": leader.name,
            f"{prefix}_certificate_type": leader.certificate_type.code if leader.certificate_type else "",
            f"{prefix}_certificate_number": "",  # never in the page: the field offers to keep it
            f"{prefix}_mobile": leader.mobile,
            f"{prefix}_office_phone": leader.office_phone, f"{prefix}_email": leader.email})
    return initial


class PromptForm(StepForm):
    optional_fields = ("security_scheme",)
    agreement_accepted = forms.BooleanField(
        label=_("I have read the information network security protection scheme"), required=False)
    security_scheme = forms.FileField(
        label=_("Security protection scheme (interactive websites)"), required=False,
        help_text=_("PDF (at most 5 MB) or a JPEG/PNG image. A document attached before is kept unless "
                    "you choose a new one."),
        widget=photo_input(accept="application/pdf,image/jpeg,image/png"))  # a PDF is sent as it is

    def clean_security_scheme(self):
        uploaded = self.cleaned_data.get("security_scheme")
        if uploaded is None:
            return None
        try:
            return clean_scheme_document(uploaded)
        except UploadRefused as refused:
            raise forms.ValidationError(str(refused)) from refused

    def step_data(self) -> dict:
        return {"agreement_accepted": self.cleaned_data.get("agreement_accepted", False),
                "security_scheme": self.cleaned_data.get("security_scheme")}


def initial_prompt(application: WebsiteApplication) -> dict:
    return {"version": application.version,
            "agreement_accepted": application.agreement_accepted_at is not None}


STEP_FORMS = {"basic": (BasicForm, initial_basic), "leaders": (LeadersForm, initial_leaders),
              "prompt": (PromptForm, initial_prompt)}


def check_url_for(application: WebsiteApplication, step: str) -> str:
    return reverse("filings:check_field", args=[application.pk, step])
