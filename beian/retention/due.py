"""What is due under each retention rule: querysets of the rows whose purpose ended before `cutoff`.

Each function answers one question and nothing else (the rule in beian.retention.rules says what is
done with the rows). A row that is due stays due until the rule has acted on it, so a run that stopped
halfway picks up where it stopped.
"""

from django.contrib.sessions.models import Session
from django.db.models import Exists, OuterRef, Q
from django_tasks_db.models import DBTaskResult

from beian.accounts import selectors as account_selectors
from beian.accounts.models import VerificationCode
from beian.badge_checks.models import BadgeCheck
from beian.core.models import AuditEntry
from beian.filings.models import LeaderDocument, Website, WebsiteApplication
from beian.imports.models import ImportRun
from beian.notifications.models import OutboxMessage
from beian.sponsors.models import SponsorDocument, SponsorEntity, SponsorIdentityChange

EMAIL_TASK_PATH = "beian.notifications.tasks.send_email_message"


def abandoned_applications(cutoff):
    """Filing drafts never submitted and untouched since the cutoff (a returned application that was
    reopened has been submitted: it belongs to a review and stays)."""
    recent_upload = LeaderDocument.objects.filter(application=OuterRef("pk"), uploaded_at__gte=cutoff)
    return (WebsiteApplication.objects
            .filter(status=WebsiteApplication.Status.DRAFT, submitted_at__isnull=True, updated_at__lt=cutoff)
            .exclude(Exists(recent_upload)))


def abandoned_sponsor_drafts(cutoff):
    """Sponsor entities never submitted, untouched since the cutoff and without any filing."""
    recent_upload = SponsorDocument.objects.filter(entity=OuterRef("pk"), uploaded_at__gte=cutoff)
    any_application = WebsiteApplication.objects.filter(sponsor=OuterRef("pk"))
    return (SponsorEntity.objects
            .filter(status=SponsorEntity.Status.DRAFT, submitted_at__isnull=True, updated_at__lt=cutoff)
            .exclude(Exists(recent_upload)).exclude(Exists(any_application)))


def pending_registrations(cutoff):
    """Registrations whose mobile number was never confirmed (ADR 0021), started before the cutoff."""
    return account_selectors.pending_registrations().filter(date_joined__lt=cutoff)


def sent_sms_with_text(cutoff):
    """Finished SMS (sent or given up) that still hold their text and parameters."""
    finished = [OutboxMessage.Status.SENT, OutboxMessage.Status.FAILED]
    return OutboxMessage.objects.filter(status__in=finished, created_at__lt=cutoff).exclude(text="")


def finished_email_tasks(cutoff):
    """E-mails wait in the task queue with their text; a finished one is nothing else."""
    return DBTaskResult.objects.finished().filter(task_path=EMAIL_TASK_PATH, finished_at__lt=cutoff)


def sponsors_whose_websites_are_all_cancelled(cutoff):
    """Approved sponsor entities with at least one website, every one cancelled before the cutoff, and
    no open matter: no application in the wizard or in review, no pending change of identity."""
    websites = Website.objects.filter(sponsor=OuterRef("pk"))
    still_filed_or_recent = websites.filter(Q(status=Website.Status.FILED) | Q(cancelled_at__isnull=True)
                                            | Q(cancelled_at__gte=cutoff))
    open_statuses = [WebsiteApplication.Status.DRAFT, WebsiteApplication.Status.RETURNED,
                     *WebsiteApplication.UNDER_REVIEW]
    open_application = WebsiteApplication.objects.filter(sponsor=OuterRef("pk"), status__in=open_statuses)
    open_identity_change = SponsorIdentityChange.objects.filter(entity=OuterRef("pk")).exclude(
        status=SponsorIdentityChange.Status.APPROVED)
    return (SponsorEntity.objects.filter(status=SponsorEntity.Status.APPROVED)
            .filter(Exists(websites))
            .exclude(Exists(still_filed_or_recent))
            .exclude(Exists(open_application))
            .exclude(Exists(open_identity_change)))


def cancelled_sponsor_documents(cutoff):
    return SponsorDocument.objects.filter(entity__in=sponsors_whose_websites_are_all_cancelled(cutoff))


def cancelled_leader_documents(cutoff):
    return LeaderDocument.objects.filter(
        application__sponsor__in=sponsors_whose_websites_are_all_cancelled(cutoff))


def used_or_expired_codes(cutoff):
    return VerificationCode.objects.filter(expires_at__lt=cutoff)


def expired_captchas(cutoff):
    from captcha.models import CaptchaStore

    return CaptchaStore.objects.filter(expiration__lt=cutoff)


def expired_sessions(cutoff):
    return Session.objects.filter(expire_date__lt=cutoff)


def old_badge_checks(cutoff):
    """A filed website is checked again on schedule (its row overwritten); what ages is the last check
    of a cancelled website."""
    return BadgeCheck.objects.filter(checked_at__lt=cutoff)


def finished_import_reports(cutoff):
    """Finished workbench imports that still hold an error report, an uploaded name or a file."""
    return (ImportRun.objects
            .filter(status__in=[ImportRun.Status.DONE, ImportRun.Status.FAILED], finished_at__lt=cutoff)
            .filter(~Q(errors=[]) | ~Q(file_name="") | ~Q(file="")))


def old_audit_entries(cutoff):
    return AuditEntry.objects.filter(created_at__lt=cutoff)
