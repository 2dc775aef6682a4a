"""The password policy of SPEC §8, as a Django password validator (registered in settings).

Length depends on the role: 8 for applicants, 12 for police and administrators (their accounts
reach personal data of many people). Three of the four character classes are required. The
similarity-to-username and common-password checks are Django's own validators, also registered.
"""

import string

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

CHARACTER_CLASSES = 4
REQUIRED_CLASSES = 3


def _minimum_length(user) -> int:
    if user is not None and getattr(user, "needs_second_factor", False):
        return settings.PASSWORD_MIN_LENGTH_STAFF
    return settings.PASSWORD_MIN_LENGTH_APPLICANT


def _classes(password: str) -> int:
    return sum([
        any(char.islower() for char in password),
        any(char.isupper() for char in password),
        any(char.isdigit() for char in password),
        any(not char.isalnum() or char in string.punctuation for char in password),
    ])


class PlatformPasswordValidator:
    """Role-dependent minimum length and at least 3 of: lower case, upper case, digits, symbols."""

    def validate(self, password, user=None):
        problems = []
        minimum = _minimum_length(user)
        if len(password) < minimum:
            problems.append(ValidationError(
                ngettext("The password is too short: use at least %(min)d character.",
                         "The password is too short: use at least %(min)d characters.", minimum)
                % {"min": minimum}, code="password_too_short"))
        if _classes(password) < REQUIRED_CLASSES:
            problems.append(ValidationError(
                _("Use at least three of these four kinds of characters: lower-case letters, "
                  "upper-case letters, digits, symbols."), code="password_too_simple"))
        if problems:
            raise ValidationError(problems)

    def get_help_text(self):
        return _("At least %(applicant)d characters (%(staff)d for police and administrators), with "
                 "three of: lower-case letters, upper-case letters, digits, symbols; not like your "
                 "username and not a common password.") % {
            "applicant": settings.PASSWORD_MIN_LENGTH_APPLICANT,
            "staff": settings.PASSWORD_MIN_LENGTH_STAFF}
