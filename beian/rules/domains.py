"""Domain names: IDNA (Chinese domains such as 例子.中国 are fine) with a registrable public suffix.

The public suffix list is the one shipped with the `publicsuffixlist` package (it works offline and
is refreshed by upgrading the package); it is loaded once per process.
"""

from __future__ import annotations

import re
from functools import cache

import idna
from publicsuffixlist import PublicSuffixList

_URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*://", re.IGNORECASE)
_LDH_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
# ASCII letters, digits and single hyphens inside labels, and no "xn--"-style "??--" (IDNA checks those).
_PLAIN_ASCII = re.compile(r"(?:(?![a-z0-9]{2}--)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}",
                          re.IGNORECASE)
# The guide: "Domain names containing bbs are regarded as forums" (bbs.example.cn, but xixibbs.cn too).
FORUM_MARKER = "bbs"


@cache
def _public_suffix_list() -> PublicSuffixList:
    return PublicSuffixList()


def normalize_domain(value: str) -> str | None:
    """The ASCII (A-label), lower-case form without a trailing dot, or None when `value` is not a
    domain name with a known public suffix and at least one label before it. A URL (scheme, path,
    port, user) is not a domain name: the caller reports it as invalid rather than guessing."""
    text = value.strip()
    if not text or _URL_SCHEME.match(text) or any(c in text for c in "/:@?#\\ \t"):
        return None
    text = text.rstrip(".。．｡")
    if _PLAIN_ASCII.fullmatch(text):
        ascii_name = text.lower()  # the common case: plain LDH labels need no IDNA processing
    else:
        try:
            ascii_name = idna.encode(text, uts46=True, transitional=False).decode("ascii")
        except (idna.IDNAError, UnicodeError, ValueError):
            return None
    labels = ascii_name.split(".")
    if len(ascii_name) > 253 or len(labels) < 2 or not all(_LDH_LABEL.fullmatch(lbl) for lbl in labels):
        return None
    if labels[-1].isdigit():  # an IPv4 address is not a domain name
        return None
    if _public_suffix_list().privatesuffix(ascii_name, accept_unknown=False) is None:
        return None
    return ascii_name


def is_valid_domain(value: str) -> bool:
    return normalize_domain(value) is not None


def display_domain(ascii_name: str) -> str:
    """The Unicode form for people (xn--fsqu00a.xn--fiqs8s → 例子.中国)."""
    try:
        return idna.decode(ascii_name)
    except (idna.IDNAError, UnicodeError, ValueError):
        return ascii_name


def is_forum_domain(ascii_name: str) -> bool:
    """Whether the domain contains "bbs" anywhere. Read in its Unicode form, so that the letters of
    an internationalised label's xn-- encoding cannot spell it by chance."""
    return FORUM_MARKER in display_domain(ascii_name).casefold()


def looks_like_domain_or_url(text: str) -> bool:
    """For name fields: a web address or a bare domain name where a name was expected."""
    candidate = text.strip()
    if _URL_SCHEME.match(candidate) or candidate.lower().startswith("www."):
        return True
    host = re.split(r"[/:?#]", candidate, maxsplit=1)[0]
    return "." in host.replace("。", ".") and is_valid_domain(host)
