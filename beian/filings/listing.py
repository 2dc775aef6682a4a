"""What the review workbench's queue row shows and finds of a website application."""

from beian.filings import checks
from beian.review.services import Listing


def listing_of(application, record_number: str = "") -> Listing:
    keys = tuple(f"domain:{name}" for name in checks.held_domain_names(application.domain_list))
    if not record_number and application.website_id:  # a change: findable by the record it changes
        record_number = application.website.record_number
    if record_number:
        keys += (f"record:{record_number}",)
    return Listing(title=application.name, sponsor_name=application.sponsor.name,
                   interactive=bool(application.interactive), search_keys=keys)
