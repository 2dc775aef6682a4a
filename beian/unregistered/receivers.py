"""Reactions of the unregistered-websites app to what happens in the filings and sponsors apps."""

from django.dispatch import receiver

from beian.filings.signals import website_filed
from beian.sponsors.signals import sponsor_entity_submitted
from beian.unregistered.services import close_when_filed, match_sponsor


@receiver(website_filed, dispatch_uid="unregistered_close_when_filed")
def close_entries_of_filed_website(*, website, actor, now, **_ignored) -> None:
    # A website the police found unfiled is now filed: its entry closes itself (SPEC §4.7).
    for domain in website.domains:
        close_when_filed(domain=domain, actor=actor, now=now)


@receiver(sponsor_entity_submitted, dispatch_uid="unregistered_match_submitted_sponsor")
def push_websites_of_sponsor(*, entity, now, **_ignored) -> None:
    # Websites found online carrying the entity's certificate are pushed to its owner (SPEC §4.7).
    match_sponsor(entity=entity, now=now)
