"""Checking an uploaded document image before anything is stored (SPEC §4.2, §8).

The bytes decide, never the file name or the declared content type: Pillow must decode a real JPEG or
PNG of at most 512 KB and 12.6 megapixels; what is stored is a fresh encoding of its pixels
(beian.rules.reencode_image), so EXIF (GPS positions), comments and profiles are gone.

Memory stays bounded (ADR 0096): the byte size and the pixel count are checked from the header before
anything is decoded, and a process decodes at most IMAGE_DECODES_AT_ONCE images at a time (each at
most 48 MiB of pixels and one clean copy), however many uploads arrive together.
"""

import functools
import threading
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from beian.rules import message_for, reencode_image
from beian.rules.images import MAX_PIXELS, MAX_PIXELS_EXAMPLE, MAX_UPLOAD_BYTES, InvalidImage, check_header
from beian.rules.problems import problem


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    content_type: str  # image/jpeg or image/png


class UploadRefused(ValueError):
    """`upload.invalid`, with a message that says the size or the reason."""

    def __init__(self, message: str, *, reason: str, size: int):
        super().__init__(message)
        self.reason, self.size = reason, size


def read_upload(uploaded, max_bytes: int = MAX_UPLOAD_BYTES) -> bytes:
    """At most one byte more than allowed: enough to know it is too large, never the whole of a
    huge upload in memory."""
    uploaded.seek(0)
    return uploaded.read(max_bytes + 1)


@functools.cache
def _decode_slots(count: int) -> threading.BoundedSemaphore:
    """The decoding slots of this process (memory is per process, so is the gate)."""
    return threading.BoundedSemaphore(max(count, 1))


def _too_many_pixels(found) -> str:
    detail = _("Its picture is too large: at most %(megapixels)s megapixels (for example "
               "%(example)s pixels) are accepted. Reduce the image and upload it again.") % {
        "megapixels": f"{MAX_PIXELS / 1_000_000:.1f}", "example": "{} × {}".format(*MAX_PIXELS_EXAMPLE)}
    if "width" in found.params:
        detail = _("This image is %(width)d × %(height)d pixels.") % {
            "width": found.params["width"], "height": found.params["height"]} + " " + detail
    return detail


def _refusal(found, size: int, declared_size: int) -> UploadRefused:
    language = get_language() or "zh-hans"
    reason = found.params.get("reason", "not_an_image")
    if reason == "too_large":
        detail = _("This file is %(size)s KB.") % {"size": (max(size, declared_size) + 1023) // 1024}
    elif reason == "too_many_pixels":
        detail = _too_many_pixels(found)
    else:
        detail = _("Its content is not a JPEG or PNG image (the file name does not matter).")
    return UploadRefused(f"{message_for(found, language)} {detail}", reason=reason, size=declared_size)


def clean_image(uploaded, *, field: str = "upload") -> CleanImage:
    """The re-encoded image of an upload, or UploadRefused."""
    declared_size = getattr(uploaded, "size", 0) or 0
    data = read_upload(uploaded)
    if declared_size > MAX_UPLOAD_BYTES:
        found = problem("upload.invalid", field, max_kb=MAX_UPLOAD_BYTES // 1024, reason="too_large")
    else:
        found = check_header(data, path=field)  # bytes, format and pixels: nothing decoded yet
    if found is not None:
        raise _refusal(found, len(data), declared_size)
    try:
        with _decode_slots(settings.IMAGE_DECODES_AT_ONCE):
            clean, image_format = reencode_image(data)  # decodes every pixel: corrupt data fails here
    except InvalidImage as error:
        raise _refusal(problem("upload.invalid", field, max_kb=MAX_UPLOAD_BYTES // 1024,
                               reason=error.reason), len(data), declared_size) from error
    return CleanImage(clean, "image/png" if image_format == "PNG" else "image/jpeg")
