"""Reading a home page for the badge (pure Python, no network, no Django models).

What counts: the record number anywhere in the visible text (digits as written, full-width digits
too), and a link (<a href>) to the public record page of that number on one of the platform's hosts.
Other record numbers count only where they are unmistakable — after 公网安备, or in a link to a record
page — so that telephone numbers and timestamps are never taken for a wrong record number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from beian.rules import parse_record_number

_DIGITS = re.compile(r"(?<!\d)(\d{14})(?!\d)")
_AFTER_PREFIX = re.compile(r"公网安备\s*(\d{14})(?!\d)")
_RECORD_PATH = re.compile(r"^/records/([^/?#]+)/?$")
_HIDDEN = {"script", "style", "template", "noscript"}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.hrefs: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.text.append(alt)

    def handle_endtag(self, tag):
        if tag in _HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


@dataclass(frozen=True)
class Reading:
    outcome: str  # one of beian.badge_checks.models.Outcome values
    numbers_shown: list[str] = field(default_factory=list)  # record numbers found on the page
    linked: list[str] = field(default_factory=list)  # record numbers of links to our record pages


def _record_link(href: str, hosts: set[str]) -> str | None:
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return None
    if (parts.hostname or "").lower() not in hosts:
        return None
    match = _RECORD_PATH.match(parts.path)
    return parse_record_number(unquote(match.group(1))) if match else None


def read_page(html: str, digits: str, record_hosts: set[str]) -> Reading:
    page = _Page()
    try:
        page.feed(html)
        page.close()
    except Exception:  # noqa: BLE001, S110 - a broken page is read as far as it goes
        pass
    text = unicodedata.normalize("NFKC", " ".join(page.text))
    in_text = set(_DIGITS.findall(text))
    prefixed = {number for number in _AFTER_PREFIX.findall(text) if parse_record_number(number)}
    hosts = {host.lower() for host in record_hosts}
    linked = [number for number in (_record_link(href, hosts) for href in page.hrefs) if number]
    shown = sorted(prefixed | ({digits} & in_text))
    if digits in in_text:
        outcome = "ok" if digits in linked else "no_link"
    elif prefixed or linked:
        outcome = "wrong_number"
    else:
        outcome = "number_missing"
    return Reading(outcome, shown, sorted(set(linked)))
