from django import forms
from django.utils.translation import gettext_lazy as _


class CloseAccountForm(forms.Form):
    password = forms.CharField(label=_("Your password"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
                               help_text=_("Type it again to confirm that it is you."))
    confirm = forms.BooleanField(label=_("I understand that the account cannot be opened again."))
