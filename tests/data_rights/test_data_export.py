"""A copy of everything the platform holds about an applicant (issue 15 item 4): the ZIP with
data.json and the person's files, only for them, for a day, every request and download audited."""

import json

import pytest
from django.urls import reverse

from beian.core.models import AuditEntry
from beian.data_rights import exports, services
from beian.data_rights.models import DataExport
from tests.cancellations.helpers import filed_website
from tests.data_rights.helpers import open_copy
from tests.factories import make_applicant, make_reviewer, sign_in_verified
from tests.filings.helpers import approved_sponsor, submitted_application
from tests.sponsors.helpers import INDIVIDUAL_ID, OTHER_USCC, PERSON_ID, ready_entity


@pytest.fixture
def owner(reference_data):
    sponsor = approved_sponsor(make_applicant("export_owner"))
    filed_website(sponsor, name="云景科技官网")
    submitted_application(sponsor, name="云景科技商城")
    return sponsor.owner


@pytest.fixture
def stranger(reference_data):
    user = make_applicant("export_stranger")
    ready_entity(user, name="别人的公司", certificate_number=OTHER_USCC, person_name="李四",
                 person_certificate_number=INDIVIDUAL_ID, mobile="13800000001")
    return user


def request_copy(client, user, django_capture_on_commit_callbacks):
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("data_rights:request_export"))
    assert response.status_code == 302
    return DataExport.objects.filter(owner=user).latest("id")


def test_the_copy_holds_the_persons_data_and_files_and_nobody_elses(
        client, owner, stranger, django_capture_on_commit_callbacks):
    export = request_copy(client, owner, django_capture_on_commit_callbacks)
    assert export.status == DataExport.Status.READY and export.size > 0

    page = client.get(reverse("data_rights:my_data"))
    download_url = reverse("data_rights:download", args=[export.pk])
    assert download_url in page.content.decode()
    response = client.get(download_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Cache-Control"] == "private, no-store"
    data, files = open_copy(response)

    assert data["account"]["username"] == "export_owner" and data["account"]["mobile"] == owner.mobile
    entity = data["sponsor_entity"]
    assert entity["name"] == "北京云景科技有限公司"
    assert entity["person_certificate_number"] == PERSON_ID  # decrypted: it is the person's own
    assert not any(key.endswith(("_encrypted", "_hash")) for key in entity)
    assert {d["kind"] for d in entity["documents"]} == {"id_front", "id_back", "licence"}
    assert {a["name"] for a in data["website_applications"]} == {"云景科技官网", "云景科技商城"}
    assert all(a["leaders"] for a in data["website_applications"])
    assert [w["name"] for w in data["websites"]] == ["云景科技官网"]
    assert data["sms"] and data["system_messages"]
    assert "personal_data_export_requested" in {row["action"] for row in data["activity"]}
    # Every file named in the document is in the archive, and only those.
    named = {d["file"] for d in entity["documents"]}
    assert named <= set(files) and all(name.startswith("files/") for name in files)
    assert all(files[name][:2] == b"\xff\xd8" for name in named)  # the stored JPEGs themselves

    text = json.dumps(data, ensure_ascii=False)
    for foreign in ("别人的公司", "李四", INDIVIDUAL_ID, OTHER_USCC, "export_stranger", stranger.mobile):
        assert foreign not in text
    assert AuditEntry.objects.filter(action="personal_data_downloaded", actor=owner,
                                     object_id=str(export.pk)).count() == 1


def test_another_applicants_copy_is_not_found(client, owner, stranger, django_capture_on_commit_callbacks):
    export = request_copy(client, owner, django_capture_on_commit_callbacks)
    client.force_login(stranger)
    assert client.get(reverse("data_rights:download", args=[export.pk])).status_code == 404
    assert not AuditEntry.objects.filter(action="personal_data_downloaded").exists()


def test_the_link_expires_after_a_day_and_its_file_is_deleted(
        client, owner, clock, django_capture_on_commit_callbacks):
    export = request_copy(client, owner, django_capture_on_commit_callbacks)
    stored = export.file.name
    url = reverse("data_rights:download", args=[export.pk])
    clock.advance(hours=23, minutes=59)
    client.logout()  # a new session: the idle timeout ended the old one
    client.force_login(owner)
    assert client.get(url).status_code == 200
    clock.advance(minutes=2)
    client.logout()
    client.force_login(owner)
    response = client.get(url)
    assert response.status_code == 410
    assert "已过期" in response.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        assert exports.delete_expired_exports() == 1
    export.refresh_from_db()
    assert export.status == DataExport.Status.EXPIRED and not export.file
    assert not export.file.storage.exists(stored)
    assert client.get(url).status_code == 410


def test_a_new_copy_replaces_the_ready_one(client, owner, django_capture_on_commit_callbacks):
    first = request_copy(client, owner, django_capture_on_commit_callbacks)
    second = request_copy(client, owner, django_capture_on_commit_callbacks)
    first.refresh_from_db()
    assert first.status == DataExport.Status.EXPIRED and second.status == DataExport.Status.READY


def test_one_copy_in_preparation_and_three_a_day(owner, clock, django_capture_on_commit_callbacks):
    services.request_data_export(actor=owner, client_address=None)  # not built: no commit here
    with pytest.raises(services.RightsRefused, match="正在准备"):
        services.request_data_export(actor=owner, client_address=None)
    DataExport.objects.all().delete()
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            services.request_data_export(actor=owner, client_address=None)
        clock.advance(hours=1)
    with pytest.raises(services.RightsRefused, match="每天"):
        services.request_data_export(actor=owner, client_address=None)
    clock.advance(hours=22)
    with django_capture_on_commit_callbacks(execute=True):
        services.request_data_export(actor=owner, client_address=None)
    assert AuditEntry.objects.filter(action="personal_data_export_requested", actor=owner).count() == 5


def test_the_task_builds_a_copy_once(owner):
    export = services.request_data_export(actor=owner, client_address=None)
    assert exports.build_export(export.pk) == "ready"
    assert exports.build_export(export.pk) == "not queued"


def test_a_copy_stuck_in_preparation_does_not_block_for_ever(owner, clock):
    services.request_data_export(actor=owner, client_address=None)  # the worker never ran it
    clock.advance(hours=25)
    services.request_data_export(actor=owner, client_address=None)
    assert list(DataExport.objects.values_list("status", flat=True).order_by("id")) == ["failed", "queued"]


def test_staff_have_no_copy_page(client, reference_data):
    sign_in_verified(client, make_reviewer())
    assert client.get(reverse("data_rights:my_data")).status_code == 403
    assert client.post(reverse("data_rights:request_export")).status_code == 403
