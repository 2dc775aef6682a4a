"""Form helpers shared by the apps."""

from django import forms
from django.utils.translation import gettext as _


def state_length_limits(form: forms.Form) -> None:
    """Text fields say their length limit in our words and never cut what is typed or pasted.

    The browser's maxlength attribute cuts a paste at the limit without a word (issue 13: a pasted
    300-character website name silently became 100 characters), so it is dropped; the server's check
    then answers next to the field (and in the live check where a form has one) with the limit and
    the length entered, instead of Django's stock text. Call it in the form's __init__, after the
    fields are built; the message is in the language of the request."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and field.max_length is not None:
            field.widget.attrs.pop("maxlength", None)
            # %(show_value)d stays for Django to fill in with the length entered.
            field.error_messages["max_length"] = _(
                "At most %(limit)s characters; you entered %(count)s.") % {
                "limit": field.max_length, "count": "%(show_value)d"}
