"""Forms of registration, sign-in and passwords. Checks of a single form live here; anything that
changes state is in services.py."""

import re
import unicodedata

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import PasswordChangeForm
from django.utils.translation import gettext_lazy as _

from beian.accounts import selectors
from beian.accounts.captcha import HumanCheckFormMixin
from beian.accounts.mobile import normalise_mobile
from beian.accounts.models import User

USERNAME_PATTERN = re.compile(r"[A-Za-z0-9_]{6,30}")


class PasswordPairMixin:
    """new password + confirmation, checked against the whole policy for `password_user()`."""

    password_fields = ("password1", "password2")

    def password_user(self) -> User | None:
        return None

    def clean(self):
        cleaned = super().clean()
        first_name, second_name = self.password_fields
        first, second = cleaned.get(first_name), cleaned.get(second_name)
        if first and second and first != second:
            self.add_error(second_name,
                           _("The two passwords are not the same. Type the same password twice."))
        elif first:
            try:
                password_validation.validate_password(first, self.password_user())
            except forms.ValidationError as problems:
                self.add_error(first_name, problems)
        return cleaned


def _password_field(label, *, autocomplete="new-password", help_text=""):
    # render_value=False: a password is never sent back to the browser, even when the form has errors.
    return forms.CharField(label=label, strip=False, help_text=help_text,
                           widget=forms.PasswordInput(attrs={"autocomplete": autocomplete}))


def clean_new_username(value: str) -> str:
    username = value.strip()
    if not USERNAME_PATTERN.fullmatch(username):
        raise forms.ValidationError(_("Use 6 to 30 letters, digits or underscores (_), nothing else."))
    return username


def _username_field():
    return forms.CharField(
        label=_("Username"), max_length=30,
        help_text=_("6 to 30 letters, digits or underscores (_)."),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}))


def _email_field():
    return forms.EmailField(label=_("E-mail address"), max_length=254,
                            help_text=_("We send a link to confirm it."),
                            widget=forms.EmailInput(attrs={"autocomplete": "email"}))


def clean_mainland_mobile(value: str) -> str:
    mobile = normalise_mobile(value)
    if not mobile:
        raise forms.ValidationError(_("Enter a mainland mobile phone number of 11 digits, "
                                      "for example 13800138000."))
    return mobile


class RegistrationCodeForm(HumanCheckFormMixin, forms.Form):
    """The "get a code" button of the registration form: the number, and the human check answered."""

    mobile = forms.CharField(max_length=20)

    def clean_mobile(self):
        return clean_mainland_mobile(self.cleaned_data["mobile"])


class RegistrationForm(HumanCheckFormMixin, PasswordPairMixin, forms.Form):
    username = _username_field()
    password1 = _password_field(_("Password"))
    password2 = _password_field(_("Password again"))
    real_name = forms.CharField(label=_("Real name"), max_length=50,
                                help_text=_("As on your identity document."),
                                widget=forms.TextInput(attrs={"autocomplete": "name"}))
    mobile = forms.CharField(label=_("Mobile phone number"), max_length=20,
                             help_text=_("A mainland mobile number; we send a code to it by SMS."),
                             widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel",
                                                           "type": "tel"}))
    email = _email_field()
    code = forms.CharField(
        label=_("SMS code"), required=False, max_length=6,
        help_text=_("The 6 digits sent by “Get a code”. Without it, we send the code after this "
                    "page."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].optional = True
        if (self.data.get("code") or "").strip():
            # The code's button answered the human check already (ADR 0112); a wrong code creates
            # nothing and uses up one of the code's attempts.
            self.fields["captcha"].required = False
        # Django's help text is a list of sentences; show it as one hint.
        self.fields["password1"].help_text = " ".join(
            str(text) for text in password_validation.password_validators_help_texts())

    # Whether the username, number or address already has an account is not checked here: an
    # anonymous visitor must not learn it (services.register_applicant, ADR 0095).
    def clean_username(self):
        return clean_new_username(self.cleaned_data["username"])

    def clean_real_name(self):
        return self.cleaned_data["real_name"].strip()

    def clean_code(self):
        code = (self.cleaned_data.get("code") or "").strip()
        if code and not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError(_("The code has 6 digits."))
        return code

    def clean_mobile(self):
        return clean_mainland_mobile(self.cleaned_data["mobile"])

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def password_user(self):
        return User(username=self.cleaned_data.get("username", ""), email=self.cleaned_data.get("email", ""),
                    real_name=self.cleaned_data.get("real_name", ""), role=User.Role.APPLICANT)


class CompleteRegistrationForm(forms.Form):
    """After the code: a new username and/or e-mail address, for those another account holds. The
    person has confirmed a mobile number, so here the form says plainly what is taken."""

    username = _username_field()
    email = _email_field()

    def __init__(self, *args, fields=("username", "email"), now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now
        for name in [name for name in self.fields if name not in fields]:
            del self.fields[name]

    def clean_username(self):
        username = clean_new_username(self.cleaned_data["username"])
        if selectors.username_is_taken(username, now=self.now):
            raise forms.ValidationError(_("This username is already taken. Choose another one."))
        return username

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if selectors.active_account_with_email(email) is not None:
            raise forms.ValidationError(_("This e-mail address already belongs to an account. "
                                          "Use another address."))
        return email


class SignInForm(HumanCheckFormMixin, forms.Form):
    username = forms.CharField(label=_("Username or mobile number"), max_length=150,
                               widget=forms.TextInput(attrs={"autocomplete": "username",
                                                             "autocapitalize": "none"}))
    password = _password_field(_("Password"), autocomplete="current-password")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the SMS"), max_length=12,
        help_text=_("6 digits, valid for 10 minutes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))

    def clean_code(self):
        code = unicodedata.normalize("NFKC", self.cleaned_data["code"]).replace(" ", "")
        if not re.fullmatch(r"\d{6}", code):
            raise forms.ValidationError(_("The code has 6 digits. Type the digits from the SMS."))
        return code


class PasswordResetRequestForm(HumanCheckFormMixin, forms.Form):
    username = forms.CharField(label=_("Username or mobile number"), max_length=150,
                               widget=forms.TextInput(attrs={"autocomplete": "username",
                                                             "autocapitalize": "none"}))


class SignInCodeRequestForm(PasswordResetRequestForm):
    """Ask for a sign-in code (the way round a sign-in lock): the same fields as a reset."""


class SignInWithCodeForm(CodeForm):
    password = _password_field(_("Password"), autocomplete="current-password")
    field_order = ["password", "code"]


class HumanCheckForm(HumanCheckFormMixin, forms.Form):
    """The human check alone, answered again before an SMS when many were asked for from one network."""


class PasswordResetForm(PasswordPairMixin, CodeForm):
    password1 = _password_field(_("New password"))
    password2 = _password_field(_("New password again"))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["password1"].help_text = " ".join(
            str(text) for text in password_validation.password_validators_help_texts())

    def password_user(self):
        return self.user


class PlatformPasswordChangeForm(PasswordChangeForm):
    """Django's form (current password, new password twice); our validators do the policy."""
