"""Key rotation of personal data (ADR 0100): several keys (newest encrypts, all decrypt), uploaded
documents encrypted at rest, and `rotate_pii_keys` moving every field, search hash and file onto the
newest key in resumable batches, with exact-match search working before, during and after."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.urls import reverse

from beian.core import pii, pii_rotation
from beian.core.models import Agency, PreApproval
from beian.core.pii_files import MARKER, is_sealed_with_newest_key, personal_storage
from beian.core.pii_rotation import ModelRotation
from beian.data_rights import services as data_rights_services
from beian.data_rights.tasks import build_data_export
from beian.filings import changes, services
from beian.filings.review_kind import comparisons
from beian.filings.uploads import clean_scheme_document
from beian.imports.models import ExportRun, ImportRun
from beian.legacy.models import LegacyRecord
from beian.review.selectors import QueueFilter, queue
from beian.sponsors import services as sponsor_services
from beian.sponsors.documents import clean_image
from beian.sponsors.models import SponsorDocument, SponsorEntity
from beian.unregistered.models import UnregisteredWebsite
from beian.unregistered.services import import_rows
from tests.factories import make_reviewer
from tests.filings import helpers
from tests.legacy.helpers import import_ as import_legacy
from tests.legacy.helpers import row as legacy_row
from tests.sponsors.helpers import ENTERPRISE_USCC, OTHER_USCC, enterprise_values, jpeg, upload
from tests.unregistered.helpers import csv_bytes
from tests.unregistered.helpers import row as unregistered_row

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PERSONAL_MODELS = {
    "sponsors.SponsorEntity", "sponsors.SponsorIdentityChange", "sponsors.SponsorDocument",
    "filings.WebsiteApplication", "filings.ApplicationPreApproval", "filings.WebsiteLeader",
    "filings.LeaderDocument", "unregistered.UnregisteredWebsite", "imports.ImportRun",
    "legacy.LegacyRecord", "data_rights.DataExport", "imports.ExportRun",
}


@pytest.fixture
def old_ring(settings):
    settings.PII_KEYS = (("1", "the-first-secret"),)
    return settings


@pytest.fixture
def world(old_ring):
    """Data in every model that holds personal data, all written under key "1"."""
    sponsor = helpers.approved_sponsor()
    application = helpers.complete_application(sponsor)
    bbs = PreApproval.objects.get(code="bbs")
    application = services.save_draft_step(
        actor=sponsor.owner, application=application, step="basic", version=application.version,
        data={"pre_approvals": {bbs: "京BBS-2026-001"},
              "pre_approval_scans": {bbs: clean_image(upload("scan.jpg", jpeg()))}})
    scheme = clean_scheme_document(upload("scheme.pdf", PDF, "application/pdf"))
    application = services.save_draft_step(
        actor=sponsor.owner, application=application, step="prompt", version=application.version,
        data={"agreement_accepted": True, "security_scheme": scheme})
    services.submit_application(actor=sponsor.owner, application=application)
    application.refresh_from_db()
    reviewer = make_reviewer()
    website = services.approve_application(actor=reviewer, application=application)
    change = changes.start_change(actor=sponsor.owner, website=website)  # copies files, has a snapshot
    # A proposed new identity (another certificate), submitted: an open review item found by it.
    sponsor_services.save_sponsor_entity(actor=sponsor.owner, values=enterprise_values(
        name="北京云景数字科技有限公司", certificate_number=OTHER_USCC))
    sponsor_services.submit_sponsor_entity(actor=sponsor.owner)
    import_rows(actor_label="test", rows=[unregistered_row("yunjing.cn")],
                allowed_agencies=Agency.objects.all())
    import_legacy(legacy_row())
    run = ImportRun(kind=ImportRun.Kind.UNREGISTERED, status=ImportRun.Status.QUEUED, file_name="a.csv")
    run.file.save("upload.csv", ContentFile(csv_bytes([unregistered_row("queued.cn")])), save=False)
    run.save()
    # A police list exported in the background: the file holds the sponsors' names.
    listing = ExportRun(owner=reviewer, kind="unregistered", status=ExportRun.Status.DONE)
    exported = "域名,主办者名称\nyunjing.cn,北京云景科技有限公司\n".encode()
    listing.file.save("export.csv", ContentFile(exported), save=False)
    listing.save()
    # The owner's copy of their data (a ZIP of all of the above), built as the task worker would.
    export = data_rights_services.request_data_export(actor=sponsor.owner, client_address=None)
    build_data_export.call(export.pk)
    # An ID photo stored before encryption at rest: plain bytes in the storage.
    document = SponsorDocument.objects.get(entity=sponsor, kind="licence")
    document.file.name = storages["default"].save("sponsors/plain.jpg", ContentFile(jpeg()))
    document.save()
    return {"sponsor": sponsor, "reviewer": reviewer, "change": change, "plain": document.file.name}


def read_everything() -> dict:
    """Every sealed number and every personal file, decrypted, by (model, row, field)."""
    values = {}
    for rotation in pii_rotation.rotations():
        for row in rotation.model._default_manager.order_by("pk"):
            for sealed in rotation.sealed:
                token = getattr(row, sealed.encrypted)
                values[rotation.label, row.pk, sealed.encrypted] = pii.decrypt(token) if token else ""
            for field in rotation.files:
                stored = getattr(row, field.attname)
                if stored:
                    with stored.open("rb") as opened:
                        values[rotation.label, row.pk, field.attname] = opened.read()
    return values


def on_newest_key() -> dict:
    """(model, row, field) → whether the stored value is on the newest key."""
    state = {}
    for rotation in pii_rotation.rotations():
        for row in rotation.queryset().order_by("pk"):
            for sealed in rotation.sealed:
                token = getattr(row, sealed.encrypted)
                if token:
                    newest = pii.search_hash(getattr(row, sealed.certificate_type).code, pii.decrypt(token))
                    state[rotation.label, row.pk, sealed.encrypted] = (
                        pii.is_on_newest_key(token.encode()) and getattr(row, sealed.hash) == newest)
            for field in rotation.files:
                name = getattr(row, field.attname).name
                if name:
                    raw = field.storage.read_raw(name)
                    state[rotation.label, row.pk, field.attname] = is_sealed_with_newest_key(raw)
    return state


def stored_files(path="") -> set[str]:
    storage = storages["default"]
    folders, files = storage.listdir(path)
    names = {f"{path}/{name}".lstrip("/") for name in files}
    for folder in folders:
        names |= stored_files(f"{path}/{folder}".lstrip("/"))
    return names


def searches(world) -> dict:
    """What exact-match search finds: the review queue by certificate number, the match of a newly
    imported unregistered website and of the legacy record with the sponsor, the change's diff."""
    reviewer, change = world["reviewer"], world["change"]
    sponsor = SponsorEntity.objects.get(pk=world["sponsor"].pk)
    found = {number: sorted(item.pk for item in queue(reviewer, QueueFilter(search=number, open_only=False)))
             for number in (ENTERPRISE_USCC, OTHER_USCC)}
    domain = f"match-{UnregisteredWebsite.objects.count()}.cn"
    import_rows(actor_label="test", rows=[unregistered_row(domain)], allowed_agencies=Agency.objects.all())
    found["import_matched"] = UnregisteredWebsite.objects.get(domain=domain).matched_entity_id
    found["legacy_carries"] = LegacyRecord.objects.get().carries_certificate_of(sponsor)
    change.refresh_from_db()
    found["change_diff"] = [row.key for row in comparisons(change)["changes_to_filed"]]
    return found


def rotate(**options) -> str:
    out = io.StringIO()
    call_command("rotate_pii_keys", stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def test_every_model_holding_personal_data_is_rotated_and_the_world_fills_each(world):
    assert {rotation.label for rotation in pii_rotation.rotations()} == PERSONAL_MODELS
    filled = {label for label, _pk, _field in read_everything()}
    assert filled == PERSONAL_MODELS
    assert world["change"].base_snapshot["security_leader.certificate"]["hash"]


def test_rotation_re_encrypts_everything_and_search_finds_the_same_rows(world, settings,
                                                                         django_capture_on_commit_callbacks):
    before, found_before, files_before = read_everything(), searches(world), stored_files()
    assert found_before[ENTERPRISE_USCC] and found_before[OTHER_USCC]
    assert found_before["import_matched"] == world["sponsor"].pk and found_before["legacy_carries"]
    settings.PII_KEYS = (("2", "the-second-secret"), *settings.PII_KEYS)

    with django_capture_on_commit_callbacks(execute=True):
        output = rotate(batch_size=2)

    assert "sponsors.SponsorDocument: 2/" in output and "Done:" in output
    assert all(on_newest_key().values())
    settings.PII_KEYS = settings.PII_KEYS[:1]  # the old key dropped: everything still reads
    after = read_everything()
    assert {key: value for key, value in after.items() if key in before} == before
    assert searches(world) == {**found_before, "import_matched": world["sponsor"].pk}
    assert len(stored_files()) == len(files_before)  # each file replaced, none left behind
    assert world["plain"] not in stored_files()
    assert "Done: 0 rows changed." in rotate()  # safe to run twice


def test_an_interrupted_run_resumes_and_search_works_in_between(world, settings, monkeypatch,
                                                                django_capture_on_commit_callbacks):
    found_before = searches(world)
    before = read_everything()
    settings.PII_KEYS = (("2", "the-second-secret"), *settings.PII_KEYS)
    files_before = stored_files()
    original, calls = ModelRotation._row_updates, []

    def crash_on_the_seventh_row(self, *args, **kwargs):
        calls.append(self.label)
        if len(calls) == 7:
            raise RuntimeError("power cut")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ModelRotation, "_row_updates", crash_on_the_seventh_row)
    with pytest.raises(RuntimeError), django_capture_on_commit_callbacks(execute=True):
        rotate(batch_size=2)
    state = on_newest_key()
    assert any(state.values()) and not all(state.values())  # half-way
    assert len(stored_files()) == len(files_before)  # the failed batch's new files went again
    assert read_everything() == before
    assert searches(world) == {**found_before, "import_matched": world["sponsor"].pk}

    monkeypatch.setattr(ModelRotation, "_row_updates", original)
    with django_capture_on_commit_callbacks(execute=True):
        rotate(batch_size=2)
    assert all(on_newest_key().values())
    settings.PII_KEYS = settings.PII_KEYS[:1]
    assert {key: value for key, value in read_everything().items() if key in before} == before


def test_dry_run_counts_and_writes_nothing(world, settings):
    settings.PII_KEYS = (("2", "the-second-secret"), *settings.PII_KEYS)
    state, files = on_newest_key(), stored_files()
    output = rotate(dry_run=True)
    assert "would change" in output and "Done: 0" not in output
    assert on_newest_key() == state and stored_files() == files


def test_documents_are_encrypted_at_rest_and_old_plain_ones_still_served(world, client):
    sponsor = world["sponsor"]
    front = SponsorDocument.objects.get(entity=sponsor, kind="id_front")
    raw = personal_storage().read_raw(front.file.name)
    assert raw.startswith(MARKER) and b"JFIF" not in raw
    client.force_login(sponsor.owner)
    for kind in ("id_front", "licence"):  # the licence is the plain file written before encryption
        document = SponsorDocument.objects.get(entity=sponsor, kind=kind)
        response = client.get(reverse("sponsors:document", args=[document.pk]))
        with document.file.open("rb") as opened:
            assert response.status_code == 200 and response.content == opened.read()
        assert response.content.startswith(b"\xff\xd8")  # a JPEG, decrypted


def test_a_value_under_a_dropped_key_is_a_clear_error(world, settings):
    settings.PII_KEYS = (("3", "an-unrelated-secret"),)
    with pytest.raises(Exception, match="PII_KEYS"):
        rotate()
