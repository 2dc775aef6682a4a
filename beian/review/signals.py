"""Review search keys follow a certificate's search hash when rotate_pii_keys replaces it (ADR 0100)."""

from django.dispatch import receiver

from beian.core.pii import search_hash_replaced
from beian.review.models import ReviewSearchKey


@receiver(search_hash_replaced, dispatch_uid="review-search-keys-follow-hash")
def follow_replaced_hash(sender, *, old: str, new: str, **kwargs) -> None:
    old_key, new_key = f"certificate:{old}", f"certificate:{new}"
    holding_new = ReviewSearchKey.objects.filter(key=new_key).values("item_id")
    ReviewSearchKey.objects.filter(key=old_key).exclude(item_id__in=holding_new).update(key=new_key)
    ReviewSearchKey.objects.filter(key=old_key).delete()  # an item that already had the new key
