"""What a check may need from outside the document: keyword lists and lookups in the database.

The defaults make the rules usable without a database (pre-check tests, scripts); the Django layer
passes administrator-edited keywords and real lookups.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from beian.rules.identifiers import is_known_region
from beian.rules.keywords import Keywords


def _never_filed(ascii_domain: str) -> bool:
    return False


def _no_websites(certificate_type: str, certificate_number: str) -> int:
    return 0


@dataclass(frozen=True)
class CheckContext:
    keywords: Keywords = field(default_factory=Keywords.defaults)
    # A county code of GB/T 2260 that the division table knows (default: python-stdnum's loc.dat).
    is_known_region: Callable[[str], bool] = is_known_region
    # Whether another filing (filed or under review) holds this domain; gets the A-label form.
    domain_already_filed: Callable[[str], bool] = _never_filed
    # How many websites of other sponsors this person (certificate type, normalised number) leads.
    leader_website_count: Callable[[str, str], int] = _no_websites


# More than this many websites of different sponsors led by one person is worth a look.
LEADER_WEBSITE_LIMIT = 5


@cache
def default_context() -> CheckContext:
    return CheckContext()
