"""The human check of the registration, sign-in and password-reset forms (SPEC §4.1, ADR 0020).

Two interchangeable challenges, both stored by django-simple-captcha (one use, 10 minutes):
- `image`: django-simple-captcha's distorted letters;
- `text`: a small sum written in words ("七加二等于几？" / "What is seven plus two?"), for people who
  cannot see the picture (screen-reader users) — django-simple-captcha's audio needs `flite`, which
  the platform does not ship.

A button in the form switches between them; it posts the form, so nothing typed is lost. The text
question is easier for a program to answer than the picture: the limits that really stop
automated guessing are the sign-in lock-out and the SMS sending limits, not the captcha.
"""

import secrets
import unicodedata

from captcha.models import CaptchaStore
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

MODES = ("image", "text")
MODE_FIELD = "captcha_mode"  # hidden input: which challenge the form shows
SWITCH_FIELD = "captcha_switch"  # submit button: show the other challenge (or a new picture)
_TEXT_PREFIX = "text:"

_ZH_NUMBERS = "零一二三四五六七八九十"
_EN_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
               "eighteen", "nineteen", "twenty"]


def _zh_number(number: int) -> str:
    if number <= 10:
        return _ZH_NUMBERS[number]
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else _ZH_NUMBERS[tens]) + "十" + (_ZH_NUMBERS[ones] if ones else "")


def _new_text_challenge() -> CaptchaStore:
    first, second = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    if secrets.randbelow(2) and first != second:
        first, second = max(first, second), min(first, second)
        operator, result = "-", first - second
    else:
        operator, result = "+", first + second
    return CaptchaStore.objects.create(challenge=f"{_TEXT_PREFIX}{first}{operator}{second}",
                                       response=str(result))


def question_text(challenge: str) -> str:
    """The sum in words, in the active language."""
    expression = challenge.removeprefix(_TEXT_PREFIX)
    operator = "+" if "+" in expression else "-"
    first, second = (int(part) for part in expression.split(operator))
    if (get_language() or "").startswith("zh"):
        word = "加" if operator == "+" else "减"
        return f"{_zh_number(first)}{word}{_zh_number(second)}等于几？"
    word = "plus" if operator == "+" else "minus"
    return f"What is {_EN_NUMBERS[first]} {word} {_EN_NUMBERS[second]}?"


def _normalise_answer(answer: str) -> str:
    """Full-width digits, spaces and case do not matter; a number may be written in words."""
    text = unicodedata.normalize("NFKC", answer or "").strip().lower()
    if text in _EN_NUMBERS:
        return str(_EN_NUMBERS.index(text))
    zh = {_zh_number(number): str(number) for number in range(0, 21)}
    return zh.get(text, text)


class HumanCheckWidget(forms.MultiWidget):
    template_name = "accounts/widgets/human_check.html"
    use_fieldset = False  # one visible input: a plain <label for> names it

    def __init__(self, attrs=None):
        answer_attrs = {"autocomplete": "off", "autocapitalize": "off", "autocorrect": "off",
                        "spellcheck": "false", "inputmode": "text"}
        super().__init__((forms.HiddenInput(), forms.TextInput(answer_attrs)), attrs)
        self.mode = "image"

    def decompress(self, value):
        return [None, None]

    def id_for_label(self, id_):
        return f"{id_}_1" if id_ else id_

    def get_context(self, name, value, attrs):
        # Every rendering is a fresh, one-use challenge; a typed answer is never shown again.
        store = _new_text_challenge() if self.mode == "text" else CaptchaStore.objects.get(
            hashkey=CaptchaStore.generate_key())
        context = super().get_context(name, [store.hashkey, ""], attrs)
        context["mode"] = self.mode
        # The answer input is written by hand in the template: it repeats Django's error marking.
        context["invalid"] = (attrs or {}).get("aria-invalid") == "true"
        context["mode_field"] = MODE_FIELD
        context["switch_field"] = SWITCH_FIELD
        if self.mode == "text":
            context["question"] = question_text(store.challenge)
        else:
            context["image_url"] = reverse("captcha-image", kwargs={"key": store.hashkey})
        return context


class HumanCheckField(forms.MultiValueField):
    widget = HumanCheckWidget
    default_error_messages = {
        "required": gettext_lazy("Answer the check: type the characters in the picture, or the answer "
                                 "to the question."),
        "invalid": gettext_lazy("The answer to the check is not correct. A new one is shown: try again."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("label", gettext_lazy("Check that you are a person"))
        super().__init__((forms.CharField(), forms.CharField()), require_all_fields=True, **kwargs)

    def set_mode(self, mode: str) -> None:
        self.widget.mode = mode if mode in MODES else "image"

    @property
    def help_text_for_mode(self) -> str:
        if self.widget.mode == "text":
            return _("Answer the question with a number.")
        return _("Type the letters in the picture; capitals or not does not matter.")

    def compress(self, data_list):
        return data_list

    def clean(self, value):
        key, answer = (super().clean(value) or [None, None])
        if not self.required and not answer:
            return False  # not asked for here (the form says when: ADR 0112)
        answer = _normalise_answer(answer)
        if getattr(settings, "CAPTCHA_TEST_MODE", False) and answer == "passed":
            CaptchaStore.objects.filter(hashkey=key).delete()
            return True
        store = CaptchaStore.objects.filter(hashkey=key, expiration__gt=timezone.now()).first()
        if store is not None:
            store.delete()  # one try per challenge, right or wrong
        if store is None or store.response != answer:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return True


class HumanCheckFormMixin:
    """Adds the `captcha` field; `captcha_mode` chooses the challenge ("image" or "text")."""

    def __init__(self, *args, captcha_mode: str = "image", **kwargs):
        super().__init__(*args, **kwargs)
        field = HumanCheckField()
        field.set_mode(captcha_mode)
        field.help_text = field.help_text_for_mode
        self.fields["captcha"] = field


def requested_mode(request) -> str:
    """The challenge this request asks for: the switch button wins over the hidden mode field."""
    mode = request.POST.get(SWITCH_FIELD) or request.POST.get(MODE_FIELD) or request.GET.get("check")
    return mode if mode in MODES else "image"


def switch_requested(request) -> bool:
    return request.method == "POST" and SWITCH_FIELD in request.POST


def kept_input(request, *, drop=("password", "password1", "password2", "new_password1",
                                 "new_password2", "old_password")) -> dict:
    """What the person typed, to show again in a fresh form after a switch (never passwords)."""
    return {key: value for key, value in request.POST.items()
            if key not in drop and not key.startswith("captcha") and key != "csrfmiddlewaretoken"}
