"""A phone photo is made smaller in the browser before it is sent (issue 18 item 3, ADR 0109): the
applicant chooses a 3 MB photo taken with the phone turned, sees a preview and the size it was
reduced to, submits, and the stored document is at most 512 KB and upright."""

import io
import re

from PIL import Image
from playwright.sync_api import expect

from beian.sponsors import services
from beian.sponsors.models import SponsorDocument
from tests.e2e.staff_helpers import sign_in
from tests.factories import make_applicant
from tests.sponsors.helpers import enterprise_values, phone_photo

MB = 1024 * 1024


def test_a_3_mb_phone_photo_is_reduced_before_it_is_sent(page, accessible):
    applicant = make_applicant("photo_applicant")
    services.save_sponsor_entity(actor=applicant, values=enterprise_values())
    original = phone_photo(3 * MB, orientation=6)  # 4032 × 3024 on its side: shown 3024 × 4032
    sign_in(page, "photo_applicant", "Tiger-lily-2026")
    page.goto("/sponsor/documents/")

    sent = []  # the bodies posted: what travels is the reduced photo, not the 3 MB one
    page.on("request", lambda request: sent.append(request.header_value("content-length"))
            if request.method == "POST" else None)
    page.set_input_files("#id_id_front", {"name": "IMG_2041.jpg", "mimeType": "image/jpeg",
                                          "buffer": original})
    status = page.locator("#id_id_front ~ [data-photo-status]")
    expect(status).to_contain_text(re.compile(r"已压缩为 \d+ KB（1500 × 2000 像素）"))
    expect(status.locator("img.photo-preview")).to_be_visible()
    expect(status.locator("img.photo-preview")).to_have_attribute("alt", "所选照片的预览")
    chosen = page.eval_on_selector("#id_id_front", "input => [input.files[0].name, input.files[0].size,"
                                                   " input.files[0].type]")
    assert chosen[0] == "IMG_2041.jpg" and chosen[1] <= 512 * 1024 and chosen[2] == "image/jpeg"
    shown = int(re.search(r"(\d+) KB", status.inner_text()).group(1))
    assert shown == (chosen[1] + 1023) // 1024
    accessible(page)

    page.locator("main form button[type='submit']").click()
    expect(page).to_have_url(re.compile(r"/sponsor/$"))
    assert sent and all(length is not None and int(length) < 1 * MB for length in sent), sent
    document = SponsorDocument.objects.get(entity__owner=applicant, kind="id_front")
    assert document.size <= 512 * 1024
    with document.file.open("rb") as stored:
        picture = Image.open(io.BytesIO(stored.read()))
        assert picture.size == (1500, 2000) and not picture.getexif()
