"""Reactions of the legacy-records app to what happens in the filings and sponsors apps."""

from django.dispatch import receiver

from beian.filings.signals import website_filed
from beian.legacy.services import complete_claim, match_sponsor
from beian.sponsors.signals import sponsor_entity_submitted


@receiver(website_filed, dispatch_uid="legacy_alias_when_claim_filed")
def alias_the_claimed_record(*, application, website, actor, now, **_ignored) -> None:
    # A claimed legacy website got its new record number: the old number leads to it (SPEC §4.8).
    complete_claim(application=application, website=website, actor=actor, now=now)


@receiver(sponsor_entity_submitted, dispatch_uid="legacy_match_submitted_sponsor")
def push_records_of_sponsor(*, entity, now, **_ignored) -> None:
    # Legacy records carrying the entity's certificate are pushed to its owner to claim (SPEC §4.8).
    match_sponsor(entity=entity, now=now)
