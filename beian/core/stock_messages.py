"""Django's stock messages, in the platform's words (ADR 0110).

Django ships Chinese for its form, validator, paginator, CSRF-page and password messages, in a mix of
registers (你 next to 您) and wordings written for developers ("这个字段是必填项"). The applicant sees
them next to our own texts, so every one of them the applicant can meet is translated again in the
project catalog (beian/locale), which LOCALE_PATHS puts ahead of Django's own and of every app's.

STOCK_MESSAGES lists their message ids so that `makemessages` keeps those entries in beian/locale
(an entry no source mentions would be dropped as obsolete); nothing reads the list at run time.
`use_our_required_messages` gives the choice, checkbox and file fields a "required" message that
says what to do ("请选择一项", not "请填写此项").
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext_lazy

STOCK_MESSAGES = [
    gettext_noop(":"),  # the label suffix of form fields: "域名：", not "域名:"
    gettext_noop("This field is required."),
    gettext_noop("Enter a whole number."),
    gettext_noop("Enter a number."),
    gettext_noop("Enter a valid date."),
    gettext_noop("Enter a valid time."),
    gettext_noop("Enter a valid date/time."),
    gettext_noop("Enter a valid duration."),
    gettext_noop("No file was submitted. Check the encoding type on the form."),
    gettext_noop("No file was submitted."),
    gettext_noop("The submitted file is empty."),
    ngettext_lazy("Ensure this filename has at most %(max)d character (it has %(length)d).",
                  "Ensure this filename has at most %(max)d characters (it has %(length)d)."),
    gettext_noop("Please either submit a file or check the clear checkbox, not both."),
    gettext_noop("Upload a valid image. The file you uploaded was either not an image or a corrupted image."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    gettext_noop("Enter a list of values."),
    gettext_noop("Enter a complete value."),
    gettext_noop("Enter a valid UUID."),
    gettext_noop("Enter a valid JSON."),
    gettext_noop("(Hidden field %(name)s) %(error)s"),
    gettext_noop("ManagementForm data is missing or has been tampered with. Missing fields: "
                 "%(field_names)s. You may need to file a bug report if the issue persists."),
    ngettext_lazy("Please submit at most %(num)d form.",
                  "Please submit at most %(num)d forms."),
    ngettext_lazy("Please submit at least %(num)d form.",
                  "Please submit at least %(num)d forms."),
    gettext_noop("Please correct the duplicate data for %(field)s."),
    gettext_noop("Please correct the duplicate data for %(field)s, which must be unique."),
    gettext_noop("Please correct the duplicate data for %(field_name)s which must be unique for the "
                 "%(lookup)s in %(date_field)s."),
    gettext_noop("Please correct the duplicate values below."),
    gettext_noop("“%(pk)s” is not a valid value."),
    gettext_noop("%(datetime)s couldn’t be interpreted in time zone %(current_timezone)s; it may be "
                 "ambiguous or it may not exist."),
    gettext_noop("Enter a valid value."),
    gettext_noop("Enter a valid domain name."),
    gettext_noop("Enter a valid URL."),
    gettext_noop("Enter a valid integer."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("Enter a valid %(protocol)s address."),
    gettext_noop("Enter only digits separated by commas."),
    gettext_noop("Ensure this value is %(limit_value)s (it is %(show_value)s)."),
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is a multiple of step size %(limit_value)s."),
    ngettext_lazy("Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
                  "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d)."),
    ngettext_lazy("Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
                  "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d)."),
    ngettext_lazy("Ensure that there are no more than %(max)s digit in total.",
                  "Ensure that there are no more than %(max)s digits in total."),
    ngettext_lazy("Ensure that there are no more than %(max)s decimal place.",
                  "Ensure that there are no more than %(max)s decimal places."),
    ngettext_lazy("Ensure that there are no more than %(max)s digit before the decimal point.",
                  "Ensure that there are no more than %(max)s digits before the decimal point."),
    gettext_noop("File extension “%(extension)s” is not allowed. Allowed extensions are: "
                 "%(allowed_extensions)s."),
    gettext_noop("Null characters are not allowed."),
    gettext_noop("This is not a valid IPv6 address."),
    gettext_noop("%(model_name)s with this %(field_label)s already exists."),
    gettext_noop("%(model_name)s with this %(field_labels)s already exists."),
    gettext_noop("Value %(value)r is not a valid choice."),
    gettext_noop("This field cannot be null."),
    gettext_noop("This field cannot be blank."),
    gettext_noop("That page number is not an integer"),
    gettext_noop("That page number is less than 1"),
    gettext_noop("That page contains no results"),
    gettext_noop("CSRF verification failed. Request aborted."),
    gettext_noop("You are seeing this message because this HTTPS site requires a “Referer header” to "
                 "be sent by your web browser, but none was sent. This header is required for "
                 "security reasons, to ensure that your browser is not being hijacked by third "
                 "parties."),
    gettext_noop("If you have configured your browser to disable “Referer” headers, please re-enable "
                 "them, at least for this site, or for HTTPS connections, or for “same-origin” "
                 "requests."),
    gettext_noop('If you are using the <meta name="referrer" content="no-referrer"> tag or including '
                 "the “Referrer-Policy: no-referrer” header, please remove them. The CSRF protection "
                 "requires the “Referer” header to do strict referer checking. If you’re concerned "
                 'about privacy, use alternatives like <a rel="noreferrer" …> for links to '
                 "third-party sites."),
    gettext_noop("You are seeing this message because this site requires a CSRF cookie when "
                 "submitting forms. This cookie is required for security reasons, to ensure that your"
                 " browser is not being hijacked by third parties."),
    gettext_noop("If you have configured your browser to disable cookies, please re-enable them, at "
                 "least for this site, or for “same-origin” requests."),
    gettext_noop("Your old password was entered incorrectly. Please enter it again."),
    gettext_noop("The two password fields didn’t match."),
    gettext_noop("Enter the same password as before, for verification."),
    gettext_noop("Please enter a correct %(username)s and password. Note that both fields may be "
                 "case-sensitive."),
    gettext_noop("This account is inactive."),
    ngettext_lazy("This password is too short. It must contain at least %(min_length)d character.",
                  "This password is too short. It must contain at least %(min_length)d characters."),
    ngettext_lazy("Your password must contain at least %(min_length)d character.",
                  "Your password must contain at least %(min_length)d characters."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("This password is too common."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("Your password can’t be entirely numeric."),
]

REQUIRED_BY_FIELD = {
    forms.ChoiceField: _("Choose one of the options."),
    forms.MultipleChoiceField: _("Choose at least one of the options."),
    forms.BooleanField: _("Tick this box to go on."),
    forms.FileField: _("Choose a file to upload."),
}


def use_our_required_messages() -> None:
    """Set the "required" message of the field classes above (and their subclasses: model choices,
    typed choices, images). A field's error_messages argument still wins over these defaults; each
    class gets a new dict, so Django's Field keeps its own."""
    for field_class, message in REQUIRED_BY_FIELD.items():
        field_class.default_error_messages = {**field_class.default_error_messages, "required": message}
