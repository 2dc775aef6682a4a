from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from beian.unregistered.models import UnregisteredWebsite


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8 (with or without BOM) or GBK; the first line names the columns."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.UNREGISTERED_UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(limit)d MB. Split it into smaller files.")
                % {"limit": limit // (1024 * 1024)})
        return upload


class ListFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("any"))] + list(UnregisteredWebsite.Status.choices))
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
