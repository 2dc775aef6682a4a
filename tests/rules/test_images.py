from __future__ import annotations

import io

import pytest
from PIL import Image, ImageFile, PngImagePlugin

from beian.rules import check_image, reencode_image
from beian.rules.images import MAX_DECODE_PIXELS, MAX_PIXELS, InvalidImage
from tests.rules.image_samples import one_colour_png


def encode(image: Image.Image, image_format: str, **options) -> bytes:
    output = io.BytesIO()
    image.save(output, image_format, **options)
    return output.getvalue()


def photo_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° to display
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(0x8825)[2] = (39.0, 54.0, 27.0)  # GPS latitude
    return encode(Image.new("RGB", (60, 40), (10, 120, 200)), "JPEG", exif=exif, comment=b"secret")


def test_real_images_pass():
    assert check_image(photo_with_gps()) is None
    assert check_image(encode(Image.new("RGBA", (20, 20)), "PNG")) is None
    assert check_image(encode(Image.new("P", (20, 20)), "PNG")) is None


@pytest.mark.parametrize("data", [
    b"", b"hello", b"\xff\xd8\xff\xe0" + b"\x00" * 100,  # a JPEG signature and nothing
    encode(Image.new("RGB", (20, 20)), "GIF"), encode(Image.new("RGB", (20, 20)), "BMP"),
])
def test_not_an_image(data: bytes):
    found = check_image(data)
    assert found is not None and found.rule == "upload.invalid" and found.params["max_kb"] == 512


def test_truncated_jpeg_is_refused():
    data = encode(Image.effect_noise((200, 200), 80).convert("RGB"), "JPEG")
    assert check_image(data) is None
    assert check_image(data[: len(data) // 2]) is not None


def test_size_limit():
    data = encode(Image.new("RGB", (20, 20)), "PNG")
    assert check_image(data, max_bytes=len(data)) is None
    found = check_image(data, max_bytes=len(data) - 1)
    assert found is not None and found.params["reason"] == "too_large"


def test_reencoding_strips_metadata_and_keeps_the_photo_upright():
    clean, image_format = reencode_image(photo_with_gps())
    assert image_format == "JPEG"
    with Image.open(io.BytesIO(clean)) as image:
        assert image.size == (40, 60)  # orientation applied before the tag went away
        assert not image.getexif()
        assert "exif" not in image.info and "comment" not in image.info


def test_reencoding_png_drops_text_chunks():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "someone")
    data = encode(Image.new("RGBA", (10, 10), (1, 2, 3, 4)), "PNG", pnginfo=info)
    clean, image_format = reencode_image(data)
    assert image_format == "PNG"
    with Image.open(io.BytesIO(clean)) as image:
        assert "Author" not in image.info
        assert image.getpixel((0, 0)) == (1, 2, 3, 4)


def test_reencoding_refuses_non_images():
    with pytest.raises(InvalidImage):
        reencode_image(b"not an image")


# Decompression bombs (issue 14 item 6): a few hundred KB that declare millions of pixels.

def test_a_picture_above_the_pixel_cap_is_refused_from_its_header_alone(monkeypatch):
    def no_decoding(self):
        raise AssertionError("the pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    bomb = one_colour_png(6300, 6300)
    assert len(bomb) < 512 * 1024
    found = check_image(bomb)
    assert found is not None and found.params["reason"] == "too_many_pixels"
    with pytest.raises(InvalidImage) as refused:
        reencode_image(bomb)
    assert refused.value.reason == "too_many_pixels"


def test_the_cap_is_12_megapixels_and_pillow_guards_with_the_decoding_cap():
    assert MAX_PIXELS == 4096 * 3072
    # Every Image.open in the process, not only ours: the largest picture decoded to be made smaller.
    assert MAX_DECODE_PIXELS == 8192 * 6144 and Image.MAX_IMAGE_PIXELS == MAX_DECODE_PIXELS
    assert check_image(one_colour_png(4096, 3072)) is None
    found = check_image(one_colour_png(4097, 3072))
    assert found is not None and found.params["reason"] == "too_many_pixels"
    assert (found.params["width"], found.params["height"]) == (4097, 3072)
