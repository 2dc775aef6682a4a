"""Keeping the public side in step with the register (ADR 0080).

post_save of a filed website rewrites its rows of the domain index in the same transaction (a lookup
never finds a domain the record does not have), and after the commit rewrites the cached entries of
its record number and its legacy numbers from the primary database and drops those of its domains.
A change, a cancellation or a new filing each save the Website row, so these hooks see them all. An
alias and a sponsor entity (whose type decides whether its name may be shown) invalidate the records
they concern.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from beian.filings.models import RecordAlias, Website
from beian.public import record_cache
from beian.public.models import PublicDomain
from beian.sponsors.models import SponsorEntity


def index_rows(website) -> list[PublicDomain]:
    filed = website.status == Website.Status.FILED
    seen, rows = set(), []
    for position, domain in enumerate(website.domains or []):
        if domain and domain not in seen:
            seen.add(domain)
            rows.append(PublicDomain(domain=domain, website_id=website.pk, is_main=position == 0,
                                     filed=filed))
    return rows


def reindex(website) -> list[str]:
    """Rewrite the index rows of one website; the domains it had and has now."""
    old = list(PublicDomain.objects.filter(website_id=website.pk).values_list("domain", flat=True))
    PublicDomain.objects.filter(website_id=website.pk).delete()
    PublicDomain.objects.bulk_create(index_rows(website))
    return sorted(set(old) | set(website.domains or []))


def _invalidate_after_commit(numbers, domains=()) -> None:
    numbers, domains = list(numbers), list(domains)
    transaction.on_commit(lambda: record_cache.invalidate(numbers, domains), robust=True)


@receiver(post_save, sender=Website, dispatch_uid="public_website_saved")
def website_saved(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: the index is rebuilt by rebuild_public_domains
        return
    domains = reindex(instance)
    aliases = list(RecordAlias.objects.filter(website_id=instance.pk).values_list("number", flat=True))
    _invalidate_after_commit([instance.record_number, *aliases], domains)


@receiver(post_save, sender=RecordAlias, dispatch_uid="public_alias_saved")
def alias_saved(sender, instance, raw=False, **kwargs):
    _invalidate_after_commit([instance.number])


@receiver(post_save, sender=SponsorEntity, dispatch_uid="public_sponsor_saved")
def sponsor_saved(sender, instance, raw=False, created=False, **kwargs):
    if raw or created:
        return
    numbers = list(Website.objects.filter(sponsor_id=instance.pk).values_list("record_number", flat=True))
    if numbers:
        _invalidate_after_commit(numbers)
