"""Each retention rule: what is due goes (one second past its figure), what is not yet due stays (exactly
on it), and stored files of what goes are gone from storage."""

import datetime

from captcha.models import CaptchaStore
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils import timezone

from beian.accounts.models import User, VerificationCode
from beian.badge_checks.models import BadgeCheck
from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.core.models import AuditEntry
from beian.filings.models import LeaderDocument, Website, WebsiteApplication
from beian.imports.models import ImportRun
from beian.notifications.models import OutboxMessage
from beian.sponsors.models import SponsorDocument, SponsorEntity
from tests.cancellations import helpers as cancellation_helpers
from tests.factories import make_applicant
from tests.filings import helpers as filing_helpers
from tests.retention.helpers import SECOND, all_gone, days, just_past, on_the_cutoff, outcome, run, stored
from tests.sponsors.helpers import ready_entity

DRAFT_DAYS = "RETENTION_ABANDONED_DRAFT_DAYS"
CANCELLED_DAYS = "RETENTION_CANCELLED_SPONSOR_DOCUMENTS_DAYS"


def test_an_abandoned_filing_draft_goes_with_its_id_photos(reference_data,
                                                           django_capture_on_commit_callbacks):
    sponsor = filing_helpers.approved_sponsor()
    draft = filing_helpers.complete_application(sponsor)
    draft.refresh_from_db()
    files = stored(*[document.file for document in draft.leader_documents.all()])
    sponsor_files = stored(*[document.file for document in sponsor.documents.all()])
    under_review = filing_helpers.submitted_application()

    with django_capture_on_commit_callbacks(execute=True):
        run(on_the_cutoff(draft.updated_at, DRAFT_DAYS))
    assert WebsiteApplication.objects.filter(pk=draft.pk).exists() and not all_gone(files)

    with django_capture_on_commit_callbacks(execute=True):
        outcomes = run(just_past(draft.updated_at, DRAFT_DAYS))
    assert not WebsiteApplication.objects.filter(pk=draft.pk).exists()
    assert not LeaderDocument.objects.filter(application_id=draft.pk).exists()
    assert all_gone(files)
    found = outcome(outcomes, "abandoned_filing_drafts")
    assert (found.deleted, found.files_deleted) == (1, 2)
    # A submitted application is no draft; the approved sponsor's own photos are not touched.
    assert WebsiteApplication.objects.filter(pk=under_review.pk).exists()
    assert not any(all_gone([name]) for name in sponsor_files)


def test_an_abandoned_sponsor_draft_goes_with_its_photos(reference_data, django_capture_on_commit_callbacks):
    entity = ready_entity(make_applicant())
    documents = list(entity.documents.all())
    files = stored(*[document.file for document in documents])
    last_touched = max([entity.updated_at, *[document.uploaded_at for document in documents]])

    with django_capture_on_commit_callbacks(execute=True):
        run(on_the_cutoff(last_touched, DRAFT_DAYS))
    assert SponsorEntity.objects.filter(pk=entity.pk).exists() and not all_gone(files)

    with django_capture_on_commit_callbacks(execute=True):
        outcomes = run(just_past(last_touched, DRAFT_DAYS))
    assert not SponsorEntity.objects.filter(pk=entity.pk).exists()
    assert all_gone(files)
    assert outcome(outcomes, "abandoned_sponsor_drafts").files_deleted == 3


def test_pending_registrations_go_after_their_figure(reference_data):
    joined = timezone.now() - datetime.timedelta(days=30)

    def account(username, **extra):
        return User.objects.create_user(username, password="x", role=User.Role.APPLICANT,
                                        mobile="13700000001", date_joined=joined, **extra)

    pending = account("never_confirmed", is_active=False)
    active = account("confirmed", mobile_verified_at=joined)

    run(on_the_cutoff(joined, "RETENTION_PENDING_REGISTRATION_DAYS"))
    assert User.objects.filter(pk=pending.pk).exists()
    outcomes = run(just_past(joined, "RETENTION_PENDING_REGISTRATION_DAYS"))
    assert not User.objects.filter(pk=pending.pk).exists()
    assert User.objects.filter(pk=active.pk).exists()
    assert outcome(outcomes, "pending_registrations").deleted == 1


def test_a_row_something_still_refers_to_is_kept_and_the_rest_goes(reference_data):
    joined = timezone.now() - datetime.timedelta(days=30)
    pending = [User.objects.create_user(f"pending_{n}", password="x", role=User.Role.APPLICANT,
                                        is_active=False, date_joined=joined) for n in range(3)]
    # The audit log protects the accounts that acted.
    audit.record(actor=pending[1], action=AuditAction.SIGN_IN)
    outcomes = run(just_past(joined, "RETENTION_PENDING_REGISTRATION_DAYS"), batch_size=10)
    assert list(User.objects.filter(pk__in=[user.pk for user in pending])) == [pending[1]]
    found = outcome(outcomes, "pending_registrations")
    assert (found.deleted, found.kept) == (2, 1)


def _sms(status: str, created_at) -> OutboxMessage:
    message = OutboxMessage.objects.create(to="13700000002", template="verification_code", language="zh-hans",
                                           text="您的验证码是 123456。", params={"code": "123456"},
                                           created_at=created_at)
    OutboxMessage.objects.filter(pk=message.pk).update(status=status)
    return message


def test_the_text_of_sent_sms_is_blanked_and_the_delivery_row_kept(db):
    created = timezone.now() - datetime.timedelta(days=40)
    sent, failed, waiting = (_sms(status, created) for status in ("sent", "failed", "created"))

    run(on_the_cutoff(created, "RETENTION_OUTBOX_TEXT_DAYS"))
    assert OutboxMessage.objects.get(pk=sent.pk).text
    outcomes = run(just_past(created, "RETENTION_OUTBOX_TEXT_DAYS"))
    for message, status in ((sent, "sent"), (failed, "failed")):
        kept = OutboxMessage.objects.get(pk=message.pk)
        assert (kept.text, kept.params) == ("", {})
        assert (kept.to, kept.template, kept.status) == ("13700000002", "verification_code", status)
    assert OutboxMessage.objects.get(pk=waiting.pk).text  # not yet delivered: it still needs its text
    assert outcome(outcomes, "sms_outbox_text").anonymised == 2


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_finished_email_tasks_go_with_their_text(db):
    from django_tasks_db.models import DBTaskResult

    from beian.notifications.tasks import send_email_message

    finished = timezone.now() - datetime.timedelta(days=40)
    done = send_email_message.enqueue("owner@example.cn", "确认", "请点击链接").id
    waiting = send_email_message.enqueue("other@example.cn", "确认", "请点击链接").id
    DBTaskResult.objects.filter(pk=done).update(status="SUCCESSFUL", finished_at=finished)

    run(on_the_cutoff(finished, "RETENTION_OUTBOX_TEXT_DAYS"))
    assert DBTaskResult.objects.filter(pk=done).exists()
    run(just_past(finished, "RETENTION_OUTBOX_TEXT_DAYS"))
    assert not DBTaskResult.objects.filter(pk=done).exists()
    assert DBTaskResult.objects.filter(pk=waiting).exists()


def _cancel(website, cancelled_at) -> None:
    Website.objects.filter(pk=website.pk).update(status=Website.Status.CANCELLED, cancelled_at=cancelled_at)


def _id_photos(entity) -> list[str]:
    return stored(*[document.file for document in SponsorDocument.objects.filter(entity=entity)],
                  *[document.file for document in LeaderDocument.objects.filter(application__sponsor=entity)])


def test_photos_of_a_sponsor_whose_websites_are_all_cancelled_are_deleted_from_storage(
        reference_data, settings, django_capture_on_commit_callbacks):
    base = timezone.now()
    cancelled = cancellation_helpers.filed_website()
    active = cancellation_helpers.filed_website()
    reopened = cancellation_helpers.filed_website()  # cancelled too, but a new filing is in the wizard
    for website in (cancelled, reopened):
        _cancel(website, base - days(CANCELLED_DAYS))
    filing_helpers.complete_application(reopened.sponsor)
    files = _id_photos(cancelled.sponsor)
    active_files, reopened_files = _id_photos(active.sponsor), _id_photos(reopened.sponsor)

    with django_capture_on_commit_callbacks(execute=True):
        run(base)
    assert not all_gone(files)

    with django_capture_on_commit_callbacks(execute=True):
        outcomes = run(base + SECOND)
    assert all_gone(files)
    assert not SponsorDocument.objects.filter(entity=cancelled.sponsor).exists()
    assert not LeaderDocument.objects.filter(application__sponsor=cancelled.sponsor).exists()
    assert outcome(outcomes, "cancelled_sponsor_documents").files_deleted == 3
    assert outcome(outcomes, "cancelled_leader_documents").files_deleted == 2
    # The entity and the filing stay (the record is public); only the photos went.
    assert Website.objects.filter(pk=cancelled.pk).exists() and SponsorEntity.objects.filter(
        pk=cancelled.sponsor_id).exists()
    for untouched in (active_files, reopened_files):
        assert not any(all_gone([name]) for name in untouched)

    # An active sponsor's documents are never touched, however old.
    with django_capture_on_commit_callbacks(execute=True):
        run(base + datetime.timedelta(days=3650))
    assert not any(all_gone([name]) for name in active_files)
    assert SponsorDocument.objects.filter(entity=active.sponsor).count() == 3


def test_used_and_expired_sms_codes_go(db):
    expired = timezone.now() - datetime.timedelta(days=10)
    code = VerificationCode.objects.create(phone="13700000003", purpose="registration", code_hash="0" * 64,
                                           created_at=expired - datetime.timedelta(minutes=10),
                                           expires_at=expired)
    run(on_the_cutoff(expired, "RETENTION_VERIFICATION_CODE_DAYS"))
    assert VerificationCode.objects.filter(pk=code.pk).exists()
    run(just_past(expired, "RETENTION_VERIFICATION_CODE_DAYS"))
    assert not VerificationCode.objects.filter(pk=code.pk).exists()


def test_expired_captchas_and_sessions_go(db):
    expired = timezone.now() - datetime.timedelta(days=3)
    captcha = CaptchaStore.objects.create(challenge="ABCDE", response="abcde", expiration=expired)
    Session.objects.create(session_key="s" * 32, session_data="", expire_date=expired)

    run(on_the_cutoff(expired, "RETENTION_CAPTCHA_DAYS"))
    assert CaptchaStore.objects.filter(pk=captcha.pk).exists()
    run(just_past(expired, "RETENTION_CAPTCHA_DAYS"))
    assert not CaptchaStore.objects.filter(pk=captcha.pk).exists()
    assert not Session.objects.filter(session_key="s" * 32).exists()


def test_old_badge_check_results_go(reference_data):
    website = cancellation_helpers.filed_website()
    checked = timezone.now() - datetime.timedelta(days=100)
    BadgeCheck.objects.create(website=website, agency=website.agency, outcome="ok", url="https://a.cn/",
                              checked_at=checked)
    run(on_the_cutoff(checked, "RETENTION_BADGE_CHECK_DAYS"))
    assert BadgeCheck.objects.filter(website=website).exists()
    run(just_past(checked, "RETENTION_BADGE_CHECK_DAYS"))
    assert not BadgeCheck.objects.filter(website=website).exists()


def test_import_error_reports_and_files_are_blanked(db, django_capture_on_commit_callbacks):
    finished = timezone.now() - datetime.timedelta(days=100)
    import_run = ImportRun(status=ImportRun.Status.FAILED, file_name="王芳的名单.csv", finished_at=finished,
                           errors=[{"row": 2, "field": "name", "reason": "x"}])
    import_run.file.save("upload.csv", ContentFile(b"domain\n"), save=False)
    import_run.save()
    files = stored(import_run.file)

    run(on_the_cutoff(finished, "RETENTION_IMPORT_REPORT_DAYS"))
    assert ImportRun.objects.get(pk=import_run.pk).errors
    with django_capture_on_commit_callbacks(execute=True):
        outcomes = run(just_past(finished, "RETENTION_IMPORT_REPORT_DAYS"))
    blanked = ImportRun.objects.get(pk=import_run.pk)
    assert (blanked.errors, blanked.file_name, blanked.file.name) == ([], "", "")
    assert all_gone(files)
    found = outcome(outcomes, "import_error_reports")
    assert (found.anonymised, found.files_deleted) == (1, 1)


def test_the_audit_log_is_only_counted_never_deleted(db):
    audit.record(actor=None, action=AuditAction.SIGN_IN)
    entries = AuditEntry.objects.count()
    outcomes = run(timezone.now() + datetime.timedelta(days=400))
    # Counted: what was there, and the entries of the rules that ran before it in this run.
    assert outcome(outcomes, "audit_log").due == entries + len(outcomes) - 1
    assert AuditEntry.objects.filter(action=AuditAction.SIGN_IN).exists()
    assert AuditEntry.objects.exclude(action="retention_applied").count() == entries
