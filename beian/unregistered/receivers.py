"""Reactions of the unregistered-websites app to what happens in the filings app."""

from django.dispatch import receiver

from beian.filings.signals import website_filed
from beian.unregistered.services import close_when_filed


@receiver(website_filed, dispatch_uid="unregistered_close_when_filed")
def close_entries_of_filed_website(*, website, actor, now, **_ignored) -> None:
    # A website the police found unfiled is now filed: its entry closes itself (SPEC §4.7).
    for domain in website.domains:
        close_when_filed(domain=domain, actor=actor, now=now)
