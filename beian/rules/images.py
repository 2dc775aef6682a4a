"""Uploaded document images (ID photos, licences): real JPEG/PNG content, size limits, and a clean
re-encoding without metadata (EXIF with GPS positions, comments, ICC profiles, XMP).

The file name and the declared content type are never trusted: Pillow decodes the bytes.

Memory is bounded before anything is decoded (ADR 0096): the header alone gives the format and the
dimensions, and a picture of more than the pixel cap is refused there. A 128 KB PNG can declare
6300 × 6300 pixels, 159 MB once decoded (Pillow keeps a colour pixel in 4 bytes).

A photo larger than the stored limit (MAX_UPLOAD_BYTES) or than MAX_PIXELS is not refused but made
smaller (fit_image, ADR 0109): decoded up to MAX_DECODE_PIXELS, a JPEG at a reduced scale, brought to
at most MAX_SIDE pixels on its longest side and encoded as JPEG at a falling quality until it fits.
"""

from __future__ import annotations

import io
import math

from PIL import Image, ImageOps

from beian.rules.problems import Problem, problem

# The most a stored image takes (SPEC §4.2); a larger upload is made smaller (fit_image).
MAX_UPLOAD_BYTES = 512 * 1024
ALLOWED_FORMATS = ("JPEG", "PNG")
# The largest picture stored with all its pixels, 4096 × 3072, 12.6 megapixels: a 12-megapixel phone
# photo (4032 × 3024) and an A4 licence scanned at 300 dpi (2480 × 3508, 8.7 MP) fit; 512 KB cannot
# hold a legible picture larger than this. Decoded, it takes at most 48 MiB.
MAX_PIXELS = 4096 * 3072
# The largest picture decoded at all, to be made smaller (ADR 0109): 8192 × 6144, 50.3 megapixels, so
# a 48-megapixel phone photo (8000 × 6000) fits. A JPEG is decoded at 1/2 to 1/8 of its scale (a few
# MB); a PNG this large takes 192 MiB while it is reduced, hence the decoding gate.
MAX_DECODE_PIXELS = 8192 * 6144
MAX_DECODE_PIXELS_EXAMPLE = (8192, 6144)
# The longest side of a picture that had to be made smaller: an ID card fills it at 600 dpi, an A4
# licence is at 145 dpi, legible to a reviewer and small enough for 512 KB of JPEG.
MAX_SIDE = 2000
# Pillow's own guard, for every Image.open in the process: a DecompressionBombWarning above this
# figure, a DecompressionBombError above twice it.
Image.MAX_IMAGE_PIXELS = MAX_DECODE_PIXELS

NOT_AN_IMAGE = "not_an_image"
TOO_MANY_PIXELS = "too_many_pixels"
_UNREADABLE = (OSError, SyntaxError, ValueError, EOFError, TypeError, IndexError)  # OSError: unidentified


class InvalidImage(ValueError):
    """The bytes are not a JPEG/PNG image that can be decoded (`reason` NOT_AN_IMAGE), or it has more
    than `max_pixels` (`reason` TOO_MANY_PIXELS; `size` is (width, height) when the header was read)."""

    def __init__(self, message: str, *, reason: str = NOT_AN_IMAGE, size: tuple[int, int] | None = None,
                 max_pixels: int = MAX_PIXELS):
        super().__init__(message)
        self.reason, self.size, self.max_pixels = reason, size, max_pixels


def open_header(data: bytes, max_pixels: int = MAX_PIXELS) -> Image.Image:
    """The image with only its header read: format and size known, no pixel decoded. Raises
    InvalidImage, with TOO_MANY_PIXELS before any decoding when it has more than `max_pixels`."""
    try:
        image = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
    except Image.DecompressionBombError as error:  # more than twice the cap: Pillow stops at once
        raise InvalidImage(str(error), reason=TOO_MANY_PIXELS, max_pixels=max_pixels) from error
    except _UNREADABLE as error:
        raise InvalidImage(str(error)) from error
    if image.format not in ALLOWED_FORMATS:  # e.g. MPO, the multi-picture variant of JPEG
        image.close()
        raise InvalidImage(f"format {image.format} is not JPEG or PNG")
    if image.width * image.height > max_pixels:
        image.close()
        raise InvalidImage("image too large in pixels", reason=TOO_MANY_PIXELS, size=image.size,
                           max_pixels=max_pixels)
    return image


def _decode(data: bytes, max_pixels: int = MAX_PIXELS, *, draft_side: int | None = None) -> Image.Image:
    """Every pixel decoded (truncated or corrupt data fails here). With `draft_side`, a JPEG is
    decoded at the smallest of 1/1, 1/2, 1/4 or 1/8 of its scale that keeps both sides at least
    that long: far less memory for a picture that is to be made smaller anyway."""
    with open_header(data, max_pixels) as probe:
        try:
            probe.verify()  # structure and checksums; the image cannot be used afterwards
        except _UNREADABLE as error:
            raise InvalidImage(str(error)) from error
    image = open_header(data, max_pixels)
    try:
        if draft_side and image.format == "JPEG":
            image.draft(None, (draft_side, draft_side))
        image.load()
    except _UNREADABLE as error:
        image.close()
        raise InvalidImage(str(error)) from error
    return image


def _refusal(error: InvalidImage, max_kb: int, path: str) -> Problem:
    params = {"max_kb": max_kb, "reason": error.reason}
    if error.reason == TOO_MANY_PIXELS:
        params["max_pixels"] = error.max_pixels
        if error.size:
            params["width"], params["height"] = error.size
    return problem("upload.invalid", path, **params)


def check_header(data: bytes, max_bytes: int = MAX_UPLOAD_BYTES, *, path: str = "upload",
                 max_pixels: int = MAX_PIXELS) -> Problem | None:
    """The cheap checks, nothing decoded: the size in bytes, the format and the size in pixels."""
    max_kb = max_bytes // 1024
    if len(data) > max_bytes:
        return problem("upload.invalid", path, max_kb=max_kb, reason="too_large")
    try:
        open_header(data, max_pixels).close()
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


# Qualities tried in turn until the JPEG fits; when even the last one is too large the picture is made
# smaller instead (text in a document stays legible at a smaller size longer than at a lower quality).
_QUALITIES = (85, 75, 65, 55, 45)
_STEP_DOWN = 0.8  # the least reduction of the sides when even the lowest quality is too large
_ORIENTATION = 0x0112  # the EXIF tag; its values as the turn that makes the picture upright
_TURNS = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
          4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270,
          7: Image.Transpose.TRANSVERSE, 8: Image.Transpose.ROTATE_90}  # as ImageOps.exif_transpose


def fit_image(data: bytes, max_bytes: int = MAX_UPLOAD_BYTES) -> tuple[bytes, str]:
    """The clean image to store, at most `max_bytes`: re-encoded as it is (reencode_image) when it has
    at most `max_bytes` and MAX_PIXELS and stays within `max_bytes`, else made smaller (shrink_image).
    Raises InvalidImage (TOO_MANY_PIXELS beyond MAX_DECODE_PIXELS)."""
    with open_header(data, MAX_DECODE_PIXELS) as header:
        pixels = header.width * header.height
    if len(data) <= max_bytes and pixels <= MAX_PIXELS:
        clean, image_format = reencode_image(data)
        if len(clean) <= max_bytes:  # quality 90 can make a heavily compressed JPEG larger
            return clean, image_format
    return shrink_image(data, max_bytes)


def _flattened(image: Image.Image) -> Image.Image:
    """The picture in a mode JPEG can hold: greyscale stays greyscale, transparency goes on white."""
    if image.mode in ("L", "RGB"):
        return image
    if image.mode == "1":
        return image.convert("L")
    if image.mode in ("LA", "RGBA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        rgba.close()
        return flat
    return image.convert("RGB")


def shrink_image(data: bytes, max_bytes: int = MAX_UPLOAD_BYTES) -> tuple[bytes, str]:
    """A JPEG of at most `max_bytes` and MAX_SIDE pixels on its longest side, upright (EXIF
    orientation applied) and without metadata. Raises InvalidImage.

    At most the decoded picture (a JPEG at reduced scale) and the reduced copy exist at a time; the
    picture is turned and its mode changed only once it is small."""
    image = _decode(data, MAX_DECODE_PIXELS, draft_side=MAX_SIDE)
    try:
        orientation = image.getexif().get(_ORIENTATION)
        scale = min(1.0, MAX_SIDE / max(image.size))  # the longest side, whichever way it is turned
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        reduced = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    finally:
        image.close()
    if orientation in _TURNS:  # turned upright once small: no second full-size copy of the pixels
        upright = reduced.transpose(_TURNS[orientation])
        reduced.close()
        reduced = upright
    picture = _flattened(reduced)
    if picture is not reduced:
        reduced.close()
    picture.info = {}  # resize copies the info dict (comments, ICC profile): none of it is kept
    try:
        while True:
            lowest = _jpeg(picture, _QUALITIES[-1])
            if len(lowest) > max_bytes:  # no quality will do: smaller sides, by how far it is off
                if max(picture.size) <= 64:  # cannot happen for max_bytes of a few KB or more
                    raise InvalidImage("cannot be made small enough")
                factor = min(_STEP_DOWN, max(0.5, 0.95 * math.sqrt(max_bytes / len(lowest))))
                smaller = picture.resize((max(1, round(picture.width * factor)),
                                          max(1, round(picture.height * factor))), Image.Resampling.LANCZOS)
                picture.close()
                picture = smaller
                continue
            for quality in _QUALITIES[:-1]:
                data = _jpeg(picture, quality)
                if len(data) <= max_bytes:
                    return data, "JPEG"
            return lowest, "JPEG"
    finally:
        picture.close()


def _jpeg(picture: Image.Image, quality: int) -> bytes:
    output = io.BytesIO()
    picture.save(output, "JPEG", quality=quality, optimize=True)
    return output.getvalue()
