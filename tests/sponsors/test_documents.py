"""Uploads: the content decides, not the name; metadata never survives; only the owner and reviewers of
the jurisdiction see a document, and every reviewer view is logged (SPEC §4.2, §8)."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from beian.core.models import AuditEntry
from beian.sponsors import services
from beian.sponsors.documents import UploadRefused, clean_image
from beian.sponsors.models import SponsorDocument
from tests.factories import make_applicant
from tests.sponsors.helpers import (
    big_jpeg,
    enterprise_values,
    jpeg,
    photo_with_gps,
    png,
    ready_entity,
    upload,
)

pytestmark = pytest.mark.django_db


def test_a_600_kb_jpeg_is_accepted_and_stored_within_512_kb():
    data = big_jpeg()  # refused for its size before ADR 0109, made smaller now
    assert len(data) >= 600 * 1024
    image = clean_image(upload("photo.jpg", data))
    assert len(image.data) <= 512 * 1024 and image.content_type == "image/jpeg"
    assert Image.open(io.BytesIO(image.data)).format == "JPEG"


def test_a_png_renamed_jpg_is_accepted_as_the_png_it_is():
    image = clean_image(upload("photo.jpg", png(), content_type="image/jpeg"))
    assert image.content_type == "image/png"
    assert Image.open(io.BytesIO(image.data)).format == "PNG"


def test_a_text_file_renamed_png_is_refused():
    with pytest.raises(UploadRefused) as refused:
        clean_image(upload("licence.png", b"this is not an image\n" * 20, content_type="image/png"))
    assert refused.value.reason == "not_an_image"
    assert "JPEG" in str(refused.value)


def test_the_stored_copy_of_a_photo_with_gps_has_no_metadata(reference_data):
    user = make_applicant()
    services.save_sponsor_entity(actor=user, values=enterprise_values())
    original = photo_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)
    document = services.upload_document(actor=user, kind="id_front",
                                        image=clean_image(upload("IMG_2041 张伟.jpg", original)))
    with document.file.open("rb") as stored:
        stored_image = Image.open(io.BytesIO(stored.read()))
    assert not stored_image.getexif()
    assert "exif" not in stored_image.info and "comment" not in stored_image.info
    assert "张伟" not in document.file.name and "IMG" not in document.file.name
    assert document.file.name.startswith("sponsors/") and document.file.name.endswith(".jpg")


def test_a_new_upload_replaces_the_old_document(reference_data, django_capture_on_commit_callbacks):
    entity = ready_entity()
    first = entity.documents.get(kind="id_front")
    with django_capture_on_commit_callbacks(execute=True):
        services.upload_document(actor=entity.owner, kind="id_front",
                                 image=clean_image(upload("a.png", png())))
    assert entity.documents.filter(kind="id_front").count() == 1
    assert not first.file.storage.exists(first.file.name)


def test_the_documents_page_keeps_the_good_files_and_names_the_bad_one(client, reference_data):
    user = make_applicant()
    services.save_sponsor_entity(actor=user, values=enterprise_values())
    client.force_login(user)
    response = client.post(reverse("sponsors:documents"), {
        "id_front": upload("front.jpg", jpeg()),
        "id_back": upload("back.png", b"not an image", content_type="image/png"),
        "licence": upload("licence.jpg", big_jpeg()),  # over 512 KB: made smaller, stored (ADR 0109)
    })
    assert response.status_code == 400
    form = response.context["form"]
    assert set(form.errors) == {"id_back"}
    assert "JPEG" in form.errors["id_back"][0]
    assert sorted(SponsorDocument.objects.values_list("kind", flat=True)) == ["id_front", "licence"]
    assert SponsorDocument.objects.get(kind="licence").size <= 512 * 1024
    assert "error-summary" in response.content.decode()


def test_the_owner_sees_the_document_privately(client, reference_data):
    entity = ready_entity()
    document = entity.documents.get(kind="licence")
    client.force_login(entity.owner)
    response = client.get(reverse("sponsors:document", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "private, no-store"
    assert not AuditEntry.objects.filter(action="document_viewed").exists()


def test_another_applicant_gets_404(client, reference_data):
    entity = ready_entity()
    client.force_login(make_applicant())
    assert client.get(reverse("sponsors:document", args=[entity.documents.first().pk])).status_code == 404


def test_reviewers_of_the_jurisdiction_see_it_and_are_logged(client, reference_data, reviewer, other_reviewer,
                                                             signed_in):
    entity = ready_entity()
    services.submit_sponsor_entity(actor=entity.owner)
    document = entity.documents.get(kind="id_front")
    url = reverse("sponsors:document", args=[document.pk])
    signed_in(other_reviewer)
    assert client.get(url).status_code == 404
    signed_in(reviewer)
    assert client.get(url).status_code == 200
    entry = AuditEntry.objects.get(action="document_viewed")
    assert entry.actor == reviewer and entry.details["kind"] == "id_front"


def test_a_draft_is_not_visible_to_reviewers(client, reference_data, reviewer, signed_in):
    entity = ready_entity()  # never submitted: no filing agency yet
    signed_in(reviewer)
    assert client.get(reverse("sponsors:document", args=[entity.documents.first().pk])).status_code == 404


def test_documents_cannot_be_replaced_under_review(reference_data):
    entity = ready_entity()
    services.submit_sponsor_entity(actor=entity.owner)
    with pytest.raises(services.SponsorActionRefused):
        services.upload_document(actor=entity.owner, kind="id_front",
                                 image=clean_image(upload("a.jpg", jpeg())))
