"""Uploaded document images (ID photos, licences): real JPEG/PNG content, size limit, and a clean
re-encoding without metadata (EXIF with GPS positions, comments, ICC profiles, XMP).

The file name and the declared content type are never trusted: Pillow decodes the bytes.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

from beian.rules.problems import Problem, problem

MAX_UPLOAD_BYTES = 512 * 1024
ALLOWED_FORMATS = frozenset({"JPEG", "PNG"})
# A 512 KB file that decodes to gigapixels is an attack, not an ID photo.
MAX_PIXELS = 40_000_000


class InvalidImage(ValueError):
    """The bytes are not a JPEG/PNG image that can be decoded."""


def _decode(data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in ALLOWED_FORMATS:
                    raise InvalidImage(f"format {probe.format} is not JPEG or PNG")
                if probe.width * probe.height > MAX_PIXELS:
                    raise InvalidImage("image too large in pixels")
                probe.verify()  # structure and checksums; the image cannot be used afterwards
            image = Image.open(io.BytesIO(data))
            image.load()  # decode every pixel: truncated or corrupt data fails here
            return image
    except InvalidImage:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, UnidentifiedImageError,
            Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise InvalidImage(str(error)) from error


def check_image(data: bytes, max_bytes: int = MAX_UPLOAD_BYTES, *, path: str = "upload") -> Problem | None:
    """`upload.invalid` when the bytes are not a real, decodable JPEG/PNG of at most `max_bytes`."""
    max_kb = max_bytes // 1024
    if len(data) > max_bytes:
        return problem("upload.invalid", path, max_kb=max_kb, reason="too_large")
    try:
        _decode(data)
    except InvalidImage:
        return problem("upload.invalid", path, max_kb=max_kb, reason="not_an_image")
    return None


def reencode_image(data: bytes) -> tuple[bytes, str]:
    """Decode and encode again from the pixels alone, so that no metadata survives. The EXIF
    orientation is applied first (the photo stays upright once the tag is gone). Returns the new
    bytes and the format ("JPEG" or "PNG", as the original). Raises InvalidImage."""
    image = _decode(data)
    image_format = image.format or "PNG"
    upright = ImageOps.exif_transpose(image)
    if image_format == "JPEG":
        upright = upright.convert("L" if upright.mode in ("1", "L") else "RGB")
    elif upright.mode not in ("1", "L", "LA", "RGB", "RGBA"):
        upright = upright.convert("RGBA" if "transparency" in upright.info or "A" in upright.mode else "RGB")
    # A fresh image from raw pixels carries no info dict: no EXIF, ICC, XMP or text chunks.
    clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())
    output = io.BytesIO()
    if image_format == "JPEG":
        clean.save(output, "JPEG", quality=90, optimize=True)
    else:
        clean.save(output, "PNG", optimize=True)
    return output.getvalue(), image_format
