"""Bounded memory for uploaded images (issue 14 item 6, ADR 0096): eight uploads at once, measured in
a fresh process, because a process's peak memory (VmHWM) only ever goes up.

Every image-accepting page (sponsor documents, the security leader's ID photos, pre-approval scans,
security scheme images) checks its files with beian.sponsors.documents.clean_image, measured here.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from beian.sponsors import services
from tests.factories import make_applicant
from tests.rules.image_samples import one_colour_png
from tests.sponsors.helpers import enterprise_values, upload

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024

# Eight refused bombs cost (almost) nothing: only their headers are read.
BOMB_BUDGET_MB = 48
# Eight of the largest accepted images: at most IMAGE_DECODES_AT_ONCE (2) are decoded at a time, each
# at most 48 MiB of pixels plus one clean copy of the same size.
LARGEST_BUDGET_MB = 256
# Eight of the largest pictures that are made smaller (ADR 0109): a PNG of 50 megapixels decodes to
# 192 MiB and its reduction takes about 50 MiB more while it is made; two at a time (measured: 522 MB).
REDUCED_BUDGET_MB = 600

SCRIPT = r"""
import json, sys, threading
import django
django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from beian.sponsors.documents import UploadRefused, clean_image
from tests.sponsors.helpers import png

def status(field):
    with open("/proc/self/status") as lines:
        for line in lines:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024

data = open(sys.argv[1], "rb").read()
clean_image(SimpleUploadedFile("warm.png", png(), "image/png"))  # imports and catalogs loaded once
try:
    clean_image(SimpleUploadedFile("warm.png", b"not an image", "image/png"))
except UploadRefused:
    pass
try:  # the peak so far is start-up's: start measuring from the memory in use now
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")
except OSError:
    pass
baseline = status("VmRSS")
outcomes, start = [], threading.Barrier(8)

def upload(number):
    start.wait()
    try:
        clean_image(SimpleUploadedFile(f"scan{number}.png", data, "image/png"))
        outcomes.append("accepted")
    except UploadRefused as refused:
        outcomes.append(refused.reason)

threads = [threading.Thread(target=upload, args=(number,)) for number in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps({"growth": status("VmHWM") - baseline, "outcomes": outcomes}))
"""


def eight_uploads_at_once(tmp_path, data: bytes) -> dict:
    image = tmp_path / "upload.png"
    image.write_bytes(data)
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(image)], cwd=ROOT, capture_output=True,
                            text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_eight_decompression_bombs_at_once_are_refused_without_decoding_them(tmp_path):
    bomb = one_colour_png(8200, 8200)  # about 200 KB, 67 million pixels: above the decoding cap
    measured = eight_uploads_at_once(tmp_path, bomb)
    assert measured["outcomes"] == ["too_many_pixels"] * 8
    assert measured["growth"] < BOMB_BUDGET_MB * MB, f"{measured['growth'] / MB:.0f} MB"


def test_eight_of_the_largest_accepted_images_at_once_stay_within_the_budget(tmp_path):
    largest = one_colour_png(4096, 3072)
    measured = eight_uploads_at_once(tmp_path, largest)
    assert measured["outcomes"] == ["accepted"] * 8
    assert measured["growth"] < LARGEST_BUDGET_MB * MB, f"{measured['growth'] / MB:.0f} MB"


def test_eight_of_the_largest_pictures_to_reduce_at_once_stay_within_the_budget(tmp_path):
    largest = one_colour_png(8192, 6144)  # the decoding cap: made smaller, not refused
    measured = eight_uploads_at_once(tmp_path, largest)
    assert measured["outcomes"] == ["accepted"] * 8
    assert measured["growth"] < REDUCED_BUDGET_MB * MB, f"{measured['growth'] / MB:.0f} MB"


@pytest.mark.django_db
def test_the_documents_page_says_the_picture_has_too_many_pixels(client, reference_data):
    user = make_applicant()
    services.save_sponsor_entity(actor=user, values=enterprise_values())
    client.force_login(user)
    response = client.post(reverse("sponsors:documents"), {
        "id_front": upload("front.png", one_colour_png(8200, 8200), content_type="image/png")})
    assert response.status_code == 400
    message = response.context["form"].errors["id_front"][0]
    assert "像素" in message and "8200 × 8200" in message and "8192 × 6144" in message
