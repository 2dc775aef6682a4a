"""Checking an uploaded document image before anything is stored (SPEC §4.2, §8).

The bytes decide, never the file name or the declared content type: Pillow must decode a real JPEG or
PNG; what is stored is a fresh encoding of its pixels (beian.rules.images.fit_image), so EXIF (GPS
positions), comments and profiles are gone, and it is at most 512 KB.

A photo is never refused for its size alone (ADR 0109): up to IMAGE_UPLOAD_MAX_BYTES (15 MB) and
50 megapixels it is made smaller when it is over 512 KB or 12.6 megapixels. The page's script
usually did that in the browser already; this is the fallback and the final check.

Memory stays bounded (ADR 0096): the byte size and the pixel count are checked from the header before
anything is decoded, and a process decodes at most IMAGE_DECODES_AT_ONCE images at a time, however
many uploads arrive together.
"""

import functools
import threading
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from beian.rules.images import (
    MAX_DECODE_PIXELS,
    MAX_DECODE_PIXELS_EXAMPLE,
    MAX_UPLOAD_BYTES,
    InvalidImage,
    check_header,
    fit_image,
)
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


def max_raw_bytes() -> int:
    """The largest image file accepted before it is made smaller (settings.IMAGE_UPLOAD_MAX_BYTES)."""
    return settings.IMAGE_UPLOAD_MAX_BYTES


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0")


def _too_many_pixels(found) -> str:
    detail = _("Its picture is too large: at most %(megapixels)s megapixels (for example "
               "%(example)s pixels) are accepted. Reduce the image and upload it again.") % {
        "megapixels": f"{MAX_DECODE_PIXELS / 1_000_000:.1f}",
        "example": "{} × {}".format(*MAX_DECODE_PIXELS_EXAMPLE)}
    if "width" in found.params:
        detail = _("This image is %(width)d × %(height)d pixels.") % {
            "width": found.params["width"], "height": found.params["height"]} + " " + detail
    return detail


def _refusal(found, declared_size: int) -> UploadRefused:
    """What is wrong, in the user's language. Never the size of the stored copy (512 KB): a larger
    file is made smaller, so only the raw upload limit and the pixel cap are refusals of size."""
    reason = found.params.get("reason", "not_an_image")
    if reason == "too_large":
        message = _("This file is %(size)s MB, more than the %(max)s MB accepted for a photo or scan (a "
                    "larger photo up to that size is reduced automatically). Choose a smaller file or take "
                    "the photo again at a lower resolution.") % {
            "size": f"{declared_size / (1024 * 1024):.1f}", "max": _megabytes(max_raw_bytes())}
    elif reason == "too_many_pixels":
        message = _too_many_pixels(found)
    else:
        message = _("Its content is not a JPEG or PNG image (the file name does not matter).") + " " + _(
            "Scan or photograph the document again and upload it as JPEG or PNG.")
    return UploadRefused(message, reason=reason, size=declared_size)


def clean_image(uploaded, *, field: str = "upload") -> CleanImage:
    """The re-encoded image of an upload, made smaller when needed (at most MAX_UPLOAD_BYTES), or
    UploadRefused."""
    declared_size = getattr(uploaded, "size", 0) or 0
    limit = max_raw_bytes()
    data = read_upload(uploaded, limit)
    max_kb = MAX_UPLOAD_BYTES // 1024  # the rule's figure: the size of what is stored
    if declared_size > limit:
        found = problem("upload.invalid", field, max_kb=max_kb, reason="too_large")
    else:  # bytes, format and pixels: nothing decoded yet
        found = check_header(data, limit, path=field, max_pixels=MAX_DECODE_PIXELS)
    if found is not None:
        raise _refusal(found, max(declared_size, len(data)))
    try:
        with _decode_slots(settings.IMAGE_DECODES_AT_ONCE):
            clean, image_format = fit_image(data)  # decodes every pixel: corrupt data fails here
    except InvalidImage as error:
        raise _refusal(problem("upload.invalid", field, max_kb=max_kb, reason=error.reason),
                       max(declared_size, len(data))) from error
    return CleanImage(clean, "image/png" if image_format == "PNG" else "image/jpeg")
