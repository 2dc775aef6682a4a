"""Photos made smaller instead of refused (issue 18 item 3, ADR 0109): a phone photo of 3 or 12 MB,
or a picture of more than 12.6 megapixels, is stored as a JPEG of at most 512 KB and 2000 pixels on
its longest side, upright and without metadata. What stays refused, with a message in the user's
language: a file that is not a JPEG/PNG image, one of more than 50 megapixels (decoding safety) and
one larger than IMAGE_UPLOAD_MAX_BYTES (15 MB)."""

import io

import pytest
from django.utils import translation
from PIL import Image, ImageFile, ImageOps

from beian.rules.images import MAX_SIDE, MAX_UPLOAD_BYTES, fit_image
from beian.sponsors.documents import UploadRefused, clean_image
from tests.rules.image_samples import one_colour_png
from tests.sponsors.helpers import encode, jpeg, phone_photo, upload

MB = 1024 * 1024


def stored(image) -> Image.Image:
    assert len(image.data) <= MAX_UPLOAD_BYTES
    picture = Image.open(io.BytesIO(image.data))
    picture.load()
    return picture


def test_a_3_mb_phone_photo_is_stored_within_512_kb_upright_and_without_metadata():
    data = phone_photo(3 * MB, orientation=6)  # 4032 × 3024 stored on its side, shown 3024 × 4032
    assert len(data) >= 3 * MB
    image = clean_image(upload("IMG_2041.jpg", data))
    picture = stored(image)
    assert image.content_type == "image/jpeg" and picture.format == "JPEG"
    assert picture.size == (1500, 2000)  # turned upright, then the longest side brought to 2000
    assert not picture.getexif() and "comment" not in picture.info


@pytest.mark.parametrize(("image_format", "size", "content_type"), [
    ("JPEG", (4032, 3024), "image/jpeg"),
    ("PNG", (2400, 1800), "image/png"),
])
def test_a_12_mb_photo_is_reduced_to_512_kb(image_format, size, content_type):
    data = phone_photo(12 * MB, size=size, image_format=image_format)
    assert 12 * MB <= len(data) <= 15 * MB
    image = clean_image(upload(f"scan.{image_format.lower()}", data, content_type=content_type))
    picture = stored(image)
    assert image.content_type == "image/jpeg"
    assert max(picture.size) <= MAX_SIDE and picture.width < size[0]
    assert abs(picture.width / picture.height - size[0] / size[1]) < 0.01  # proportions kept


def test_a_small_file_of_many_pixels_is_reduced_instead_of_refused():
    image = clean_image(upload("licence.png", one_colour_png(6300, 6300), content_type="image/png"))
    picture = stored(image)  # 39.7 megapixels: refused before ADR 0109
    assert picture.size == (2000, 2000)
    assert picture.getpixel((1000, 1000)) == pytest.approx((200, 10, 10), abs=3)


def test_a_photo_within_the_limits_is_stored_with_all_its_pixels():
    picture = stored(clean_image(upload("front.jpg", jpeg((2400, 1600)))))
    assert picture.size == (2400, 1600)


def test_a_transparent_png_is_reduced_onto_white():
    data = encode(Image.new("RGBA", (5000, 3000), (0, 0, 0, 0)), "PNG")
    picture = stored(clean_image(upload("scan.png", data, content_type="image/png")))
    assert picture.mode == "RGB" and picture.getpixel((10, 10)) == pytest.approx((255, 255, 255), abs=2)


def test_the_reduction_steps_down_until_the_limit_holds():
    data = phone_photo(3 * MB, size=(2000, 1500), image_format="PNG")
    clean, image_format = fit_image(data, max_bytes=60 * 1024)
    assert image_format == "JPEG" and len(clean) <= 60 * 1024
    assert max(Image.open(io.BytesIO(clean)).size) < 2000  # quality alone was not enough


def test_unreadable_bytes_are_refused_in_the_user_s_language():
    with translation.override("zh-hans"), pytest.raises(UploadRefused) as refused:
        clean_image(upload("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 4000))
    assert refused.value.reason == "not_an_image"
    assert "不是 JPEG 或 PNG 图片" in str(refused.value)
    with translation.override("en"), pytest.raises(UploadRefused) as refused:
        clean_image(upload("photo.png", b"plain text, not a picture\n" * 100, content_type="image/png"))
    assert "not a JPEG or PNG image" in str(refused.value)


def test_more_than_50_megapixels_is_refused_without_decoding(monkeypatch):
    def no_decoding(self):
        raise AssertionError("the pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    with (translation.override("zh-hans"), pytest.warns(Image.DecompressionBombWarning),
          pytest.raises(UploadRefused) as refused):
        clean_image(upload("scan.png", one_colour_png(8193, 6144), content_type="image/png"))
    assert refused.value.reason == "too_many_pixels"
    message = str(refused.value)
    assert "8193 × 6144" in message and "50.3" in message and "8192 × 6144" in message and "像素" in message


def test_a_file_over_the_raw_upload_limit_is_refused_with_both_sizes(settings):
    settings.IMAGE_UPLOAD_MAX_BYTES = 2 * MB
    data = phone_photo(3 * MB)
    with translation.override("zh-hans"), pytest.raises(UploadRefused) as refused:
        clean_image(upload("IMG_2041.jpg", data))
    assert refused.value.reason == "too_large"
    message = str(refused.value)
    assert f"{len(data) / MB:.1f} MB" in message and "2 MB" in message and "自动压缩" in message


def test_the_raw_upload_limit_is_15_mb(settings):
    assert settings.IMAGE_UPLOAD_MAX_BYTES == 15 * MB


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_is_applied_like_pillow_does(orientation):
    """The reduced picture is turned upright after it is made small (one full-size copy less)."""
    picture = Image.new("RGB", (3000, 2000), (0, 0, 255))
    picture.paste((255, 0, 0), (0, 0, 1000, 500))  # a red corner shows where the top left went
    exif = Image.Exif()
    exif[0x0112] = orientation
    data = encode(picture, "JPEG", exif=exif, quality=95)
    expected = ImageOps.exif_transpose(Image.open(io.BytesIO(data))).resize((1000, 1000))
    clean, _format = fit_image(data, max_bytes=len(data) - 1)  # over the limit: made smaller
    result = Image.open(io.BytesIO(clean))
    assert result.size == ((2000, 1333) if orientation < 5 else (1333, 2000))
    result = result.resize((1000, 1000))
    for point in ((50, 50), (950, 50), (50, 950), (950, 950)):
        assert result.getpixel(point) == pytest.approx(expected.getpixel(point), abs=40)
