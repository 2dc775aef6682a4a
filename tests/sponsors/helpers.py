"""Shared bits of the sponsor tests: valid entity data, images, return reasons."""

import io
import os

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from beian.core.models import CertificateType, Division, SponsorType
from beian.review.models import ReturnReason
from beian.sponsors import services
from beian.sponsors.documents import clean_image
from tests.factories import make_applicant
from tests.rules.samples import resident_id, uscc

ENTERPRISE_USCC = uscc("91110105", "MA01ABCD")  # an enterprise registered in Beijing Chaoyang
OTHER_USCC = uscc("91110105", "MA02WXYK")
PERSON_ID = resident_id("11010519850612003")  # born 1985-06-12 in Beijing Chaoyang
INDIVIDUAL_ID = resident_id("33010619800101123")
CHAOYANG = "110105"  # 北京市朝阳区
XIHU = "330106"  # 杭州市西湖区


def enterprise_post(**changes) -> dict:
    """What the form posts for an enterprise in Beijing Chaoyang."""
    data = {
        "sponsor_type": "enterprise", "name": "北京云景科技有限公司", "certificate_type": "uscc",
        "certificate_number": ENTERPRISE_USCC, "certificate_valid_until": "", "certificate_long_term": "on",
        "investor": "张伟", "province": "110000", "city": "110100", "division": CHAOYANG,
        "address": "建国路 88 号", "person_name": "张伟", "person_certificate_type": "resident_id",
        "person_certificate_number": PERSON_ID, "person_residence": "北京市朝阳区建国路 88 号",
        "office_phone": "010-65871234", "mobile": "13915827463", "email": "zhangwei@example.cn",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def enterprise_values(**changes) -> dict:
    """The cleaned values the services take."""
    values = {
        "sponsor_type": SponsorType.objects.get(code="enterprise"), "name": "北京云景科技有限公司",
        "certificate_type": CertificateType.objects.get(code="uscc"), "certificate_number": ENTERPRISE_USCC,
        "certificate_valid_until": None, "certificate_long_term": True, "investor": "张伟",
        "division": Division.objects.get(code=CHAOYANG), "address": "建国路 88 号", "person_name": "张伟",
        "person_certificate_type": CertificateType.objects.get(code="resident_id"),
        "person_certificate_number": PERSON_ID, "person_residence": "北京市朝阳区建国路 88 号",
        "office_phone": "010-65871234", "mobile": "13915827463", "email": "zhangwei@example.cn",
    }
    values.update(changes)
    return values


def encode(image: Image.Image, image_format: str, **options) -> bytes:
    output = io.BytesIO()
    image.save(output, image_format, **options)
    return output.getvalue()


def jpeg(size=(60, 40)) -> bytes:
    return encode(Image.new("RGB", size, (10, 120, 200)), "JPEG")


def png() -> bytes:
    return encode(Image.new("RGB", (30, 20), (200, 10, 10)), "PNG")


def photo_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(0x8825)[2] = (39.0, 54.0, 27.0)  # GPS latitude
    return encode(Image.new("RGB", (60, 40), (10, 120, 200)), "JPEG", exif=exif, comment=b"secret")


def big_jpeg(min_bytes=600 * 1024) -> bytes:
    """A real JPEG of at least 600 KB: random pixels do not compress."""
    side = 600
    while True:
        data = encode(Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)), "JPEG", quality=95)
        if len(data) >= min_bytes:
            return data
        side += 100


def phone_photo(min_bytes: int, *, size=(4032, 3024), image_format="JPEG",
                orientation: int | None = None) -> bytes:
    """A photo of at least `min_bytes` as a phone makes it: `size` pixels, a gradient under random
    noise (noise does not compress, so the more of it the larger the file), an EXIF orientation tag
    when given (6: the camera was turned, the picture is stored on its side)."""
    noise = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    gradient = Image.linear_gradient("L").resize(size).convert("RGB")
    options = {}
    if orientation is not None:
        exif = Image.Exif()
        exif[0x0112] = orientation
        exif.get_ifd(0x8825)[2] = (39.0, 54.0, 27.0)  # GPS latitude: must not survive
        options["exif"] = exif
    steps = ((0.25, 80), (0.5, 90), (1.0, 95)) if image_format == "JPEG" else ((1.0, None),)
    for amount, quality in steps:
        picture = Image.blend(gradient, noise, amount)
        if quality is None:
            options["compress_level"] = 1  # a PNG of noise: as large as its pixels whatever the level
        else:
            options["quality"] = quality
        data = encode(picture, image_format, **options)
        if len(data) >= min_bytes:
            return data
    raise AssertionError(f"{size} cannot make {min_bytes} bytes")


def upload(name: str, data: bytes, content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def store_documents(user, kinds=("id_front", "id_back", "licence")) -> None:
    for kind in kinds:
        services.upload_document(actor=user, kind=kind, image=clean_image(upload(f"{kind}.jpg", jpeg())))


def ready_entity(user=None, **changes):
    """A saved enterprise entity with its documents, ready to submit."""
    user = user or make_applicant()
    entity = services.save_sponsor_entity(actor=user, values=enterprise_values(**changes)).entity
    store_documents(user)
    return entity


def make_reasons():
    rows = [
        ("sponsor-name-unclear", "单位名称与证件不一致", "The unit name differs from the certificate",
         "sponsor.name", ["sponsor_entity"]),
        ("photo-unclear", "证件照片不清晰", "The ID photo is not clear", "documents.id_front", []),
        ("website-only", "仅用于网站", "Websites only", "", ["new_website"]),
    ]
    return [ReturnReason.objects.update_or_create(
        code=code, defaults={"text_zh": zh, "text_en": en, "field": field, "kinds": kinds})[0]
        for code, zh, en, field, kinds in rows]


def reason_dicts(reasons):
    return [{"code": r.code, "text": r.text_zh, "text_zh": r.text_zh, "text_en": r.text_en, "field": r.field}
            for r in reasons]
