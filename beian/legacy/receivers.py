"""Reactions of the legacy-records app to what happens in the filings app."""

from django.dispatch import receiver

from beian.filings.signals import website_filed
from beian.legacy.services import complete_claim


@receiver(website_filed, dispatch_uid="legacy_alias_when_claim_filed")
def alias_the_claimed_record(*, application, website, actor, now, **_ignored) -> None:
    # A claimed legacy website got its new record number: the old number leads to it (SPEC §4.8).
    complete_claim(application=application, website=website, actor=actor, now=now)
