import re

from django import forms
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from beian.accounts.models import User
from beian.core.models import Agency
from beian.staff import services
from beian.staff.permissions import creatable_roles
from beian.staff.selectors import agencies_for_new_accounts


def staff_password_min_length() -> int:
    """Staff passwords are longer than applicants' (SPEC §8): the account reaches personal data."""
    return getattr(settings, "PASSWORD_MIN_LENGTH_STAFF", 12)


class CodeForm(forms.Form):
    """The six-digit code of an authenticator app (spaces, as some apps show "123 456", are ignored)."""

    code = forms.CharField(
        label=_("Six-digit code"), max_length=12,
        help_text=_("The code your authenticator app shows for this platform now. It changes every 30 "
                    "seconds."),
        error_messages={"required": _("Enter the six-digit code from your authenticator app."),
                        "max_length": _("Enter only the six digits the app shows.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                      "spellcheck": "false"}),
    )

    def clean_code(self):
        code = re.sub(r"\s", "", self.cleaned_data["code"])
        if not re.fullmatch(r"\d{6}", code):
            raise ValidationError(_("Enter the six digits the app shows, for example 123456."))
        return code


class StaffAccountForm(forms.Form):
    username = forms.CharField(
        label=_("Username"), max_length=30, min_length=6,
        help_text=_("6 to 30 letters, digits or underscores. The officer signs in with it."),
        validators=[RegexValidator(r"^[A-Za-z0-9_]+$", _("Use only letters, digits and underscores."))],
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))
    real_name = forms.CharField(label=_("Real name"), max_length=50)
    mobile = forms.CharField(
        label=_("Mobile phone"), max_length=11,
        validators=[RegexValidator(r"^1\d{10}$", _("Enter an 11-digit mainland mobile number, e.g. "
                                                   "13800138000."))],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}))
    email = forms.EmailField(label=_("E-mail"), widget=forms.EmailInput(attrs={"autocomplete": "off"}))
    role = forms.ChoiceField(label=_("Role"))
    agency = forms.CharField(
        label=_("Police agency"), required=False, max_length=6,
        help_text=_("Needed for reviewers and supervisors."),
    )
    password = forms.CharField(
        label=_("Initial password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}, render_value=False))

    def __init__(self, *args, actor: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["role"].choices = [(role, User.Role(role).label) for role in creatable_roles(actor)]
        self.fields["password"].help_text = _(
            "At least %(count)d characters. Give it to the officer in person; at the first sign-in they "
            "set up their authenticator app.") % {"count": staff_password_min_length()}
        self.agency_choices = None
        if actor.role == User.Role.SUPERVISOR:
            # A supervisor's agencies are few: a plain select.
            agencies = agencies_for_new_accounts(actor).order_by("code")
            self.agency_choices = [("", _("Choose an agency"))] + [
                (a.code, f"{a.code} {a.name}") for a in agencies]
            self.fields["agency"].widget = forms.Select(choices=self.agency_choices)
            self.fields["agency"].help_text = _("Your agency or one below it.")
        else:
            # About 3,000 agencies: type the code (or search by name below); checked on the server.
            self.fields["agency"].help_text = _(
                "The six-digit agency code, e.g. 330106. Needed for reviewers and supervisors; search "
                "by name or code below.")
            self.fields["agency"].widget.attrs.update({
                "inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"})

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError(_("This username is taken. Choose another one."))
        return username

    def clean_mobile(self):
        mobile = self.cleaned_data["mobile"]
        if User.objects.filter(mobile=mobile, is_active=True).exists():
            raise ValidationError(_("Another active account uses this mobile number."))
        return mobile

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if User.objects.filter(email__iexact=email, is_active=True).exists():
            raise ValidationError(_("Another active account uses this e-mail address."))
        return email

    def clean_agency(self):
        code = self.cleaned_data["agency"].strip()
        if not code:
            return None
        agency = agencies_for_new_accounts(self.actor).filter(code=code).first()
        if agency is None:
            if Agency.objects.filter(code=code).exists():
                raise ValidationError(_("You may not create accounts for agency %(code)s. Choose your "
                                        "agency or one below it.") % {"code": code})
            raise ValidationError(_("There is no active agency with the code %(code)s. Check the code "
                                    "or search by name.") % {"code": code})
        return agency

    def clean(self):
        cleaned = super().clean()
        role, agency = cleaned.get("role"), cleaned.get("agency")
        if role in User.POLICE_ROLES and agency is None and "agency" not in self.errors:
            self.add_error("agency", _("Reviewers and supervisors belong to a police agency. Enter its "
                                       "code."))
        if role and role not in User.POLICE_ROLES:
            cleaned["agency"] = None  # administrators and auditors belong to no agency
        password = cleaned.get("password")
        if password:
            self._check_password(password, cleaned)
        return cleaned


    def _check_password(self, password, cleaned):
        # The platform's validators know the role (12 characters for staff); the same minimum is
        # checked here too, so the rule holds even if the validator list changes.
        candidate = User(username=cleaned.get("username", ""), real_name=cleaned.get("real_name", ""),
                         email=cleaned.get("email", ""), mobile=cleaned.get("mobile", ""),
                         role=cleaned.get("role") or User.Role.REVIEWER)
        problems = []
        try:
            validate_password(password, candidate)
        except ValidationError as error:
            problems = list(error.error_list)
        minimum = staff_password_min_length()
        if len(password) < minimum and not any(p.code == "password_too_short" for p in problems):
            problems.insert(0, ValidationError(
                _("The password is too short: use at least %(count)d characters.") % {"count": minimum},
                code="password_too_short"))
        if problems:
            self.add_error("password", problems)


def _length_messages() -> dict:
    return {"max_length": _("Use at most %(limit_value)d characters (you entered %(show_value)d).")}


class AgencyContactsForm(forms.Form):
    """What applicants are told about whom to ask: the approval SMS gives the telephone."""

    telephone = forms.CharField(
        label=_("Contact telephone"), required=False, max_length=40, error_messages=_length_messages(),
        help_text=_("A landline with its area code, such as 0571-87280000 (an extension may follow), or a "
                    "mobile number. The approval SMS gives it to the applicant."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}))
    address = forms.CharField(
        label=_("Address"), required=False, max_length=200, error_messages=_length_messages(),
        help_text=_("Where applicants come for a face review or with documents: street and number."))
    office_hours = forms.CharField(
        label=_("Office hours"), required=False, max_length=100, error_messages=_length_messages(),
        help_text=_("For example: working days 9:00–12:00 and 13:30–17:00."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # A browser would cut a pasted text at maxlength without a word; the server says the limit.
            field.widget.attrs.pop("maxlength", None)

    def clean_telephone(self):
        telephone = services.clean_telephone(self.cleaned_data["telephone"])
        problem = services.agency_telephone_error(telephone)
        if problem:
            raise ValidationError(problem)
        return telephone
