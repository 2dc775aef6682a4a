from django import forms
from django.utils.translation import gettext_lazy as _

from beian.badge_checks.models import FAILURES, Outcome


class FailureFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False,
                        help_text=_("Part of a domain, a sponsor's name or a record number."))
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=None, required=False, to_field_name="code",
                                    empty_label=_("All agencies of my jurisdiction"))
    outcome = forms.ChoiceField(label=_("Outcome"), required=False,
                                choices=[("", _("All failures"))] + [(o.value, o.label) for o in FAILURES])

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class RunForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=None, to_field_name="code")

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


OUTCOME_LABELS = dict(Outcome.choices)
