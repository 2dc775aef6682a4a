"""What a visitor typed into the lookup box: a record number, a domain name or a website name.

Record numbers are read by beian.rules.parse_record_number; this module only adds what a pasted
lookup brings on top of it (a trailing "-1" of an ICP-style copy is not one of them: that is no record
number). Domains may arrive as URLs (https://www.example.cn/about): the host is taken from them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from publicsuffixlist import PublicSuffixList

from beian.rules import normalize_domain, parse_record_number

MAX_QUERY_LENGTH = 200
_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*://", re.IGNORECASE)


@cache
def public_suffixes() -> PublicSuffixList:
    return PublicSuffixList()


@dataclass(frozen=True)
class Query:
    kind: str  # "number", "domain", "name" or "empty"
    value: str  # the 14 digits, the ASCII domain, or the name text


def record_digits(text: str) -> str | None:
    """The 14 digits of any spelling of a record number (京公网安备 11010502030143号, 1101 0502 0301 43,
    full-width digits, with or without 号), or None."""
    if not text or len(text) > MAX_QUERY_LENGTH:
        return None
    return parse_record_number(text)


def host_of(text: str) -> str:
    """The host part of a URL-like text (scheme, user, port, path removed), or the text itself."""
    candidate = unicodedata.normalize("NFKC", text.strip())
    if _SCHEME.match(candidate) or "/" in candidate:
        split = urlsplit(candidate if _SCHEME.match(candidate) else f"//{candidate}")
        return split.hostname or ""
    if candidate.count(":") == 1:  # example.cn:8080
        candidate = candidate.split(":", 1)[0]
    return candidate


def domain_of(text: str) -> str | None:
    """The normalised (ASCII, lower-case) domain name in `text`, or None."""
    host = host_of(text)
    return normalize_domain(host) if host else None


def parse_query(text: str) -> Query:
    text = (text or "").strip()[:MAX_QUERY_LENGTH]
    if not text:
        return Query("empty", "")
    digits = record_digits(text)
    if digits:
        return Query("number", digits)
    domain = domain_of(text)
    if domain:
        return Query("domain", domain)
    return Query("name", text)


def domain_candidates(domain: str) -> tuple[list[str], list[str]]:
    """(exact names, parent names) to look up for `domain`.

    Exact: the name itself and, for www.<x>, also <x> (people type either). Parents: every name above
    it down to the registrable domain (a.b.example.com.cn → b.example.com.cn, example.com.cn), which
    match only a filed *main* domain: a sub-domain belongs to the website whose main domain it is under.
    Index-friendly: a handful of equality lookups instead of a LIKE scan (ADR 0080)."""
    exact = [domain]
    if domain.startswith("www.") and normalize_domain(domain[4:]):
        exact.append(domain[4:])
    registrable = public_suffixes().privatesuffix(domain) or domain
    parents = []
    name = domain
    while name != registrable and "." in name:
        name = name.split(".", 1)[1]
        if name not in exact:
            parents.append(name)
    return exact, parents
