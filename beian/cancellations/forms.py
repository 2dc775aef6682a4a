import re
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _


class CancellationForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the website closed? (optional)"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: the business has ended, or the website moved to a filed domain."))
    code = forms.CharField(
        label=_("SMS code"), max_length=12,
        error_messages={"required": _("Type the 6-digit code from the SMS.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))
    confirm = forms.BooleanField(
        label=_("I confirm that the website is closed on every domain and ask for its filing to be "
                "cancelled."),
        error_messages={"required": _("Tick the box to confirm that the website is closed.")})

    def __init__(self, *args, masked_mobile: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if masked_mobile:
            self.fields["code"].help_text = _("The 6 digits sent by SMS to %(mobile)s.") % {
                "mobile": masked_mobile}

    def clean_code(self):
        code = unicodedata.normalize("NFKC", self.cleaned_data["code"]).replace(" ", "")
        if not re.fullmatch(r"\d{6}", code):
            raise forms.ValidationError(_("Type the 6-digit code from the SMS."))
        return code
