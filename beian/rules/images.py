"""Uploaded document images (ID photos, licences): real JPEG/PNG content, size limits, and a clean
re-encoding without metadata (EXIF with GPS positions, comments, ICC profiles, XMP).

The file name and the declared content type are never trusted: Pillow decodes the bytes.

Memory is bounded before anything is decoded (ADR 0096): the header alone gives the format and the
dimensions, and a picture of more than MAX_PIXELS is refused there. A 128 KB PNG can declare
6300 × 6300 pixels, 159 MB once decoded (Pillow keeps a colour pixel in 4 bytes).
"""

from __future__ import annotations

import io

from PIL import Image, ImageOps

from beian.rules.problems import Problem, problem

MAX_UPLOAD_BYTES = 512 * 1024
ALLOWED_FORMATS = ("JPEG", "PNG")
# 4096 × 3072, 12.6 megapixels: a 12-megapixel phone photo (4032 × 3024) and an A4 licence scanned at
# 300 dpi (2480 × 3508, 8.7 MP) fit; 512 KB cannot hold a legible picture larger than this. Decoded,
# it takes at most 48 MiB.
MAX_PIXELS = 4096 * 3072
MAX_PIXELS_EXAMPLE = (4096, 3072)
# Pillow's own guard, for every Image.open in the process: a DecompressionBombWarning above this
# figure, a DecompressionBombError above twice it.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

NOT_AN_IMAGE = "not_an_image"
TOO_MANY_PIXELS = "too_many_pixels"
_UNREADABLE = (OSError, SyntaxError, ValueError, EOFError, TypeError, IndexError)  # OSError: unidentified


class InvalidImage(ValueError):
    """The bytes are not a JPEG/PNG image that can be decoded (`reason` NOT_AN_IMAGE), or it has more
    than MAX_PIXELS (`reason` TOO_MANY_PIXELS; `size` is (width, height) when the header was read)."""

    def __init__(self, message: str, *, reason: str = NOT_AN_IMAGE, size: tuple[int, int] | None = None):
        super().__init__(message)
        self.reason, self.size = reason, size


def open_header(data: bytes) -> Image.Image:
    """The image with only its header read: format and size known, no pixel decoded. Raises
    InvalidImage, with TOO_MANY_PIXELS before any decoding when the picture is too large."""
    try:
        image = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
    except Image.DecompressionBombError as error:  # more than twice the cap: Pillow stops at once
        raise InvalidImage(str(error), reason=TOO_MANY_PIXELS) from error
    except _UNREADABLE as error:
        raise InvalidImage(str(error)) from error
    if image.format not in ALLOWED_FORMATS:  # e.g. MPO, the multi-picture variant of JPEG
        image.close()
        raise InvalidImage(f"format {image.format} is not JPEG or PNG")
    if image.width * image.height > MAX_PIXELS:
        image.close()
        raise InvalidImage("image too large in pixels", reason=TOO_MANY_PIXELS, size=image.size)
    return image


def _decode(data: bytes) -> Image.Image:
    with open_header(data) as probe:
        try:
            probe.verify()  # structure and checksums; the image cannot be used afterwards
        except _UNREADABLE as error:
            raise InvalidImage(str(error)) from error
    image = open_header(data)
    try:
        image.load()  # decode every pixel: truncated or corrupt data fails here
    except _UNREADABLE as error:
        image.close()
        raise InvalidImage(str(error)) from error
    return image


def _refusal(error: InvalidImage, max_kb: int, path: str) -> Problem:
    params = {"max_kb": max_kb, "reason": error.reason}
    if error.reason == TOO_MANY_PIXELS:
        params["max_pixels"] = MAX_PIXELS
        if error.size:
            params["width"], params["height"] = error.size
    return problem("upload.invalid", path, **params)


def check_header(data: bytes, max_bytes: int = MAX_UPLOAD_BYTES, *, path: str = "upload") -> Problem | None:
    """The cheap checks, nothing decoded: the size in bytes, the format and the size in pixels."""
    max_kb = max_bytes // 1024
    if len(data) > max_bytes:
        return problem("upload.invalid", path, max_kb=max_kb, reason="too_large")
    try:
        open_header(data).close()
    except InvalidImage as error:
        return _refusal(error, max_kb, path)
    return None


def check_image(data: bytes, max_bytes: int = MAX_UPLOAD_BYTES, *, path: str = "upload") -> Problem | None:
    """`upload.invalid` when the bytes are not a real, decodable JPEG/PNG of at most `max_bytes` and
    MAX_PIXELS (params: `reason` too_large, not_an_image or too_many_pixels; `max_kb`)."""
    found = check_header(data, max_bytes, path=path)
    if found is not None:
        return found
    try:
        _decode(data).close()
    except InvalidImage as error:
        return _refusal(error, max_bytes // 1024, path)
    return None


def reencode_image(data: bytes) -> tuple[bytes, str]:
    """Decode and encode again from the pixels alone, so that no metadata survives. The EXIF
    orientation is applied first (the photo stays upright once the tag is gone). Returns the new
    bytes and the format ("JPEG" or "PNG", as the original). Raises InvalidImage.

    At most two copies of the pixels exist at a time (the decoded image and the clean one)."""
    image = _decode(data)
    image_format = image.format or "PNG"
    try:
        ImageOps.exif_transpose(image, in_place=True)
        if image_format == "JPEG":
            mode = "L" if image.mode in ("1", "L") else "RGB"
        elif image.mode in ("1", "L", "LA", "RGB", "RGBA"):
            mode = image.mode
        else:
            mode = "RGBA" if "transparency" in image.info or "A" in image.mode else "RGB"
        if image.mode != mode:
            converted = image.convert(mode)
            image.close()
            image = converted
        # A fresh image holding only the pixels carries no info dict: no EXIF, ICC, XMP or text chunks.
        clean = Image.new(mode, image.size)
        clean.paste(image)
    finally:
        image.close()
    output = io.BytesIO()
    if image_format == "JPEG":
        clean.save(output, "JPEG", quality=90, optimize=True)
    else:
        clean.save(output, "PNG", optimize=True)
    clean.close()
    return output.getvalue(), image_format
