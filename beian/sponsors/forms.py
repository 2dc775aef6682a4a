"""The applicant's sponsor entity form and documents form, and the reviewer's decision forms.

The entity form's fields follow the chosen sponsor type (certificate types offered, the "investor or
competent unit" and the person in charge only for units) and the address cascade follows the chosen
province and city. Every value is also asked against the rule catalogue; its errors appear next to
their fields, its warnings in `rule_warnings`.
"""

from django import forms
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from beian.core import pii
from beian.core.forms import state_length_limits
from beian.core.models import CertificateType, Division, SponsorType
from beian.rules import InputError, message_for
from beian.sponsors import checks, divisions
from beian.sponsors.documents import UploadRefused, clean_image
from beian.sponsors.models import SponsorDocument
from beian.sponsors.photo_input import photo_input

IDENTITY_FIELDS = ("sponsor_type", "name", "certificate_type", "certificate_number",
                   "certificate_valid_until", "certificate_long_term")
UNIT_ONLY_FIELDS = ("investor", "person_name", "person_certificate_type", "person_certificate_number")
# Each certificate number field and the field of its type.
NUMBER_FIELDS = {"certificate_number": "certificate_type",
                 "person_certificate_number": "person_certificate_type"}


class CodeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class SponsorEntityForm(forms.Form):
    sponsor_type = CodeChoiceField(label=_("Sponsor type"), queryset=SponsorType.objects.none(),
                                   to_field_name="code", empty_label=None)
    name = forms.CharField(label=_("Unit name"), max_length=200)
    certificate_type = CodeChoiceField(label=_("Certificate type"), queryset=CertificateType.objects.none(),
                                       to_field_name="code", empty_label=None)
    certificate_number = forms.CharField(label=_("Certificate number"), max_length=40)
    certificate_valid_until = forms.DateField(
        label=_("Certificate valid until"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The last day of validity printed on the certificate (YYYY-MM-DD), or tick long-term."))
    certificate_long_term = forms.BooleanField(label=_("The certificate is valid long-term"), required=False)
    investor = forms.CharField(
        label=_("Investor or competent unit"), max_length=200,
        help_text=_("The legal person, or the highest responsible person or unit."))
    province = forms.ChoiceField(label=_("Province"))
    city = forms.ChoiceField(label=_("City"))
    division = forms.ChoiceField(label=_("County or district"))
    address = forms.CharField(label=_("Detailed address"), max_length=300,
                              help_text=_("Street and number (号) or mailbox (信箱); in the countryside the "
                                          "village (村/组)."))
    person_name = forms.CharField(label=_("Name of the person in charge"), max_length=50)
    person_certificate_type = CodeChoiceField(
        label=_("Certificate type of the person in charge"), to_field_name="code", empty_label=None,
        queryset=CertificateType.objects.filter(active=True, for_persons=True))
    person_certificate_number = forms.CharField(label=_("Certificate number of the person in charge"),
                                                max_length=40)
    person_residence = forms.CharField(
        label=_("Permanent residence"), max_length=300,
        help_text=_("As on the household register: to the street number or mailbox in a town, to the "
                    "village in the countryside."))
    office_phone = forms.CharField(label=_("Office telephone"), max_length=40,
                                   help_text=_("With the area code, such as 010-12345678."))
    mobile = forms.CharField(label=_("Mobile phone"), max_length=20)
    email = forms.CharField(label=_("E-mail"), max_length=254)

    def __init__(self, data=None, *, initial=None, lock_identity=False, current=None):
        super().__init__(data, initial=initial)
        # {field: (certificate type code, full number)} stored now. The full numbers never go into
        # the page (SPEC §8): the field shows the masked number, and left empty keeps it.
        self.current_numbers = current or {}
        source = data if data is not None else (initial or {})
        types = SponsorType.objects.filter(active=True)
        self.fields["sponsor_type"].queryset = types
        type_source = initial if lock_identity and initial else source
        chosen = types.filter(code=type_source.get("sponsor_type") or "").first() or types.first()
        self.sponsor_type = chosen
        self.is_unit = chosen is None or chosen.is_unit
        allowed = chosen.certificate_types.filter(active=True) if chosen else CertificateType.objects.none()
        self.fields["certificate_type"].queryset = allowed
        if not self.is_unit:
            self.fields["name"].label = _("Full name")
            for name in UNIT_ONLY_FIELDS:
                del self.fields[name]
        self._set_division_choices(source)
        self._enhance()
        state_length_limits(self)
        self._offer_to_keep_numbers()
        if lock_identity:
            for name in IDENTITY_FIELDS:
                self.fields[name].disabled = True
        self.rule_warnings: list[str] = []

    def _enhance(self) -> None:
        """htmx: a new type brings its own fields; a province its cities, a city its counties. Without
        JavaScript the "update" buttons of the page do the same (the form works either way)."""
        self.fields["sponsor_type"].widget.attrs.update({
            "hx-post": reverse("sponsors:edit"), "hx-trigger": "change", "hx-target": "#type-dependent",
            "hx-select": "#type-dependent", "hx-swap": "outerHTML", "hx-vals": '{"refresh": "1"}'})
        self.fields["province"].widget.attrs.update({
            "hx-get": reverse("sponsors:city_options"), "hx-trigger": "change", "hx-target": "#id_city"})
        self.fields["city"].widget.attrs.update({
            "hx-get": reverse("sponsors:county_options"), "hx-trigger": "change",
            "hx-target": "#id_division"})

    def _offer_to_keep_numbers(self) -> None:
        for name, (_type_code, number) in self.current_numbers.items():
            if name in self.fields and number:
                self.fields[name].required = False
                self.fields[name].help_text = _(
                    "Stored: %(masked)s. Leave the field empty to keep this number; type the whole "
                    "number only to replace it.") % {"masked": pii.mask(number)}
                self.fields[name].widget.attrs["autocomplete"] = "off"

    def _kept_number(self, name: str) -> str:
        """A typed number, or the stored one when the field was left empty and the type is the same."""
        typed = (self.cleaned_data.get(name) or "").strip()
        if typed or name not in self.current_numbers:
            return typed
        type_code, number = self.current_numbers[name]
        chosen = self.cleaned_data.get(NUMBER_FIELDS[name])
        if chosen is None or chosen.code != type_code:
            raise forms.ValidationError(_("The certificate type changed: type the number of the new "
                                          "certificate."))
        return number

    def clean_certificate_number(self):
        return self._kept_number("certificate_number")

    def clean_person_certificate_number(self):
        return self._kept_number("person_certificate_number")

    def _set_division_choices(self, source) -> None:
        empty = [("", _("— choose —"))]
        province, city = source.get("province") or "", source.get("city") or ""
        self.fields["province"].choices = empty + [(d.code, d.name) for d in divisions.provinces()]
        self.fields["city"].choices = empty + [(d.code, d.name) for d in divisions.cities(province)] \
            if province else empty
        self.fields["division"].choices = empty + [(d.code, d.name) for d in divisions.counties(city)] \
            if city else empty

    def clean_division(self):
        code = self.cleaned_data["division"]
        division = Division.objects.filter(pk=code).select_related("parent").first()
        if division is None or not divisions.is_address_division(division):
            raise forms.ValidationError(_("Choose the current county or district of the address."))
        return division

    def clean(self):
        data = super().clean()
        if not self.errors.get("certificate_valid_until"):
            has_date = data.get("certificate_valid_until") is not None
            if has_date == bool(data.get("certificate_long_term")):
                self.add_error("certificate_valid_until",
                               _("Give the last day of validity, or tick “long-term” — one of the two."))
        self._check_rules(data)
        return data

    def rule_values(self, data) -> dict:
        values = {key: data.get(key) for key in self.fields}
        for key in ("sponsor_type", "certificate_type", "person_certificate_type"):
            values[key] = values[key].code if values.get(key) is not None else None
        return values

    def _check_rules(self, data) -> None:
        language = get_language() or "zh-hans"
        try:
            problems = checks.problems_for(self.rule_values(data))
        except InputError as error:
            self.add_error(None, str(error))
            return
        for problem in checks.errors(problems):
            field = checks.FORM_FIELD.get(problem.field)
            if field in self.errors:
                continue  # the field already says what is wrong
            self.add_error(field if field in self.fields else None, message_for(problem, language))
        self.rule_warnings = [message_for(problem, language) for problem in checks.warnings(problems)]


def kept_input(post) -> dict:
    """What was typed, to show the form again after "update the choices" without checking it."""
    return {key: post.get(key) for key in post if key not in ("csrfmiddlewaretoken", "refresh")}


def prefilled_from_account(user, typed: dict) -> dict:
    """A first sponsor form starts from what the account already told us: the person in charge's name,
    mobile and e-mail, and for an individual also the sponsor's own name. What was typed wins."""
    chosen = SponsorType.objects.filter(code=typed.get("sponsor_type") or "").first() \
        or SponsorType.objects.filter(active=True).first()
    account = {"person_name": user.real_name, "mobile": user.mobile, "email": user.email}
    if chosen is not None and not chosen.is_unit:
        account["name"] = user.real_name
    return {**account, **{name: value for name, value in typed.items() if value}}


def initial_from_entity(entity, identity=None) -> dict:
    """The owner's own form, without the certificate numbers: those stay out of the page (SPEC §8);
    an empty number field keeps the stored number (`current_numbers`)."""
    values = checks.entity_values(entity, identity=identity)
    province, city, county = divisions.cascade_codes(entity.division)
    values.update(province=province, city=city, division=county)
    values.update(dict.fromkeys(NUMBER_FIELDS, ""))
    return values


def current_numbers(entity, identity=None) -> dict:
    """{field: (type code, full number)} of the stored entity, for the form's "leave empty to keep"."""
    if entity is None:
        return {}
    values = checks.entity_values(entity, identity=identity)
    return {name: (values[type_name], values[name]) for name, type_name in NUMBER_FIELDS.items()
            if values.get(name) and values.get(type_name)}


class PasswordConfirmForm(forms.Form):
    password = forms.CharField(label=_("Your password"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class DocumentsForm(forms.Form):
    """One file field per document; each is checked on its own, so a refused file does not lose the
    others (the view stores every accepted one)."""

    def __init__(self, *args, is_unit: bool, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = [SponsorDocument.Kind.ID_FRONT, SponsorDocument.Kind.ID_BACK]
        if is_unit:
            kinds.append(SponsorDocument.Kind.LICENCE)
        for kind in kinds:
            self.fields[kind] = forms.FileField(
                label=kind.label, required=False,
                help_text=_("JPEG or PNG, clear and complete. A larger photo is reduced to 512 KB "
                            "automatically."),
                widget=photo_input())

    def clean(self):
        data = super().clean()
        for name in list(self.fields):
            uploaded = data.get(name)
            if uploaded is None:
                continue
            try:
                data[name] = clean_image(uploaded, field=name)
            except UploadRefused as refused:
                self.add_error(name, str(refused))
        return data

    def accepted_images(self) -> dict:
        """The images that passed, even when another file was refused."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items()
                if value is not None and name not in self.errors}
