"""Uploaded files are private on the host too (issue 14 item 8, ADR 0096): files 0600, folders 0700,
the upload folder itself 0700 from start-up. The suite keeps uploads in memory; these tests use a real
FileSystemStorage in a temporary folder, with the usual umask (022) that gave 0644 before."""

import os
import stat
from pathlib import Path

import pytest

from beian.core.private_files import secure_upload_folder
from beian.sponsors import services
from beian.sponsors.documents import clean_image
from tests.factories import make_applicant
from tests.sponsors.helpers import enterprise_values, jpeg, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def usual_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def folder_storage(settings, tmp_path):
    location = tmp_path / "private"
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(location), "base_url": None}}}
    return location


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_an_uploaded_id_photo_is_readable_by_the_service_only(reference_data, usual_umask, folder_storage):
    user = make_applicant()
    services.save_sponsor_entity(actor=user, values=enterprise_values())
    document = services.upload_document(actor=user, kind="id_front",
                                        image=clean_image(upload("front.jpg", jpeg())))
    stored = folder_storage / document.file.name  # the encrypting storage wraps this folder
    assert stored.is_relative_to(folder_storage)
    assert mode(stored) == 0o600
    for folder in [stored.parent, *stored.parent.parents]:
        if folder == folder_storage.parent:
            break
        assert mode(folder) == 0o700, folder


def test_the_upload_folder_is_made_private_at_start(usual_umask, folder_storage):
    folder_storage.mkdir(mode=0o755)
    os.chmod(folder_storage, 0o755)  # as an earlier version left it
    secure_upload_folder()
    assert mode(folder_storage) == 0o700


def test_a_missing_upload_folder_is_created_private(usual_umask, folder_storage):
    secure_upload_folder()
    assert folder_storage.is_dir() and mode(folder_storage) == 0o700


def test_object_storage_is_left_alone(settings):
    settings.STORAGES = {**settings.STORAGES,
                         "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    secure_upload_folder()  # nothing to do, nothing fails
