"""Reads of sponsor entities, always within the reader's scope: an applicant reads only their own
entity; a reviewer only entities whose filing agency is in their jurisdiction. Anything else is
DoesNotExist (→ 404: the reader may not know it exists)."""

from django.db.models import Q, QuerySet

from beian.accounts.jurisdiction import agencies_in_scope
from beian.accounts.models import User
from beian.review.models import ReviewItem
from beian.review.services import item_for
from beian.sponsors.models import SponsorDocument, SponsorEntity, SponsorIdentityChange


def entity_of(user) -> SponsorEntity | None:
    """The applicant's own sponsor entity (one per account), or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (SponsorEntity.objects.select_related("sponsor_type", "certificate_type", "division", "agency",
                                                 "person_certificate_type")
            .filter(owner=user).first())


def approved_entity_of(user) -> SponsorEntity | None:
    """For website filings: the applicant's entity once approved (SPEC §4.2)."""
    entity = entity_of(user)
    return entity if entity is not None and entity.is_approved else None


def entities_in_scope(user) -> QuerySet[SponsorEntity]:
    """Entities a police officer may see: filed with an agency of the jurisdiction."""
    if getattr(user, "role", None) not in User.POLICE_ROLES:
        return SponsorEntity.objects.none()
    return SponsorEntity.objects.filter(agency__in=agencies_in_scope(user))


def entity_for_reviewer(user, entity_id: int) -> SponsorEntity:
    return entities_in_scope(user).select_related("owner", "agency").get(pk=entity_id)


def change_for_reviewer(user, change_id: int) -> SponsorIdentityChange:
    return SponsorIdentityChange.objects.select_related("entity").get(
        pk=change_id, entity__in=entities_in_scope(user))


def document_for_viewer(user, document_id: int) -> tuple[SponsorDocument, bool]:
    """(document, seen by a reviewer) for the owner or a reviewer of the jurisdiction."""
    documents = SponsorDocument.objects.select_related("entity")
    if getattr(user, "role", None) in User.POLICE_ROLES:
        return documents.get(pk=document_id, entity__in=entities_in_scope(user)), True
    return documents.get(Q(pk=document_id) & Q(entity__owner=user)), False


def review_item_of(subject) -> ReviewItem | None:
    return item_for(subject)


def pending_change_of(entity: SponsorEntity) -> SponsorIdentityChange | None:
    return (entity.identity_changes.select_related("sponsor_type", "certificate_type")
            .exclude(status=SponsorIdentityChange.Status.APPROVED).first())
