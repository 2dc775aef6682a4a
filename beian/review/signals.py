"""Review search keys follow a certificate's search hash when rotate_pii_keys replaces it (ADR 0100);
a saved or deleted queue row makes the cached counts per option stale (beian.review.facet_cache)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from beian.core.pii import search_hash_replaced
from beian.review.facet_cache import queue_changed
from beian.review.models import ReviewItem, ReviewSearchKey

post_save.connect(queue_changed, sender=ReviewItem, dispatch_uid="review-queue-changed-saved")
post_delete.connect(queue_changed, sender=ReviewItem, dispatch_uid="review-queue-changed-deleted")


@receiver(search_hash_replaced, dispatch_uid="review-search-keys-follow-hash")
def follow_replaced_hash(sender, *, old: str, new: str, **kwargs) -> None:
    old_key, new_key = f"certificate:{old}", f"certificate:{new}"
    holding_new = ReviewSearchKey.objects.filter(key=new_key).values("item_id")
    ReviewSearchKey.objects.filter(key=old_key).exclude(item_id__in=holding_new).update(key=new_key)
    ReviewSearchKey.objects.filter(key=old_key).delete()  # an item that already had the new key
