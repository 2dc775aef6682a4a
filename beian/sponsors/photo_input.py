"""The file input of every photo or scan: the page's script (static js/photo-resize.js) makes a photo
over 512 KB or larger than MAX_SIDE smaller in the browser before it is sent, and shows a preview and
the size it was reduced to (ADR 0109). Without the script the server does the same (clean_image).

The script reads its limits and its translated messages from these data attributes, so there is no
JavaScript catalog to load.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from beian.rules.images import MAX_SIDE, MAX_UPLOAD_BYTES

IMAGES = "image/jpeg,image/png"


def photo_input(accept: str = IMAGES) -> forms.FileInput:
    return forms.FileInput(attrs={
        "accept": accept,
        "data-photo-resize": "",
        "data-max-bytes": str(MAX_UPLOAD_BYTES),
        "data-max-side": str(MAX_SIDE),
        # %(size)s KB, %(width)s × %(height)s pixels: filled in by the script.
        "data-message-reduced": _("Reduced to %(size)s KB (%(width)s × %(height)s pixels) before sending."),
        "data-message-kept": _("%(size)s KB (%(width)s × %(height)s pixels), sent as it is."),
        "data-message-working": _("Reducing the photo…"),
        "data-message-preview": _("Preview of the chosen photo"),
    })
