"""The badge kit (SPEC §4.4, §6): the badge image and the filing code a sponsor pastes at the bottom
of the home page, as HTML, plain text and Markdown.

The image is a static file of the platform's own design. In production its URL carries a content hash
(ManifestStaticFilesStorage) and whitenoise serves hashed names with a cache lifetime of ten years, so
millions of pages can embed it from a CDN. The design is versioned in the file name (badge-v1): a new
design is a new file, and old hashed files are kept, so snippets pasted years ago keep working
(ADR 0080).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import escape

BADGE_SVG = "public/badge-v1.svg"
BADGE_PNG = "public/badge-v1-20.png"
BADGE_HEIGHT = 20


@dataclass(frozen=True)
class FilingCode:
    record_url: str
    badge_url: str
    badge_png_url: str
    text: str  # 京公网安备 11010502030143号

    @property
    def html(self) -> str:
        return (f'<a href="{escape(self.record_url)}" target="_blank" rel="noopener">'
                f'<img src="{escape(self.badge_png_url)}" alt="" width="{BADGE_HEIGHT}" '
                f'height="{BADGE_HEIGHT}"> {escape(self.text)}</a>')

    @property
    def plain(self) -> str:
        return f"{self.text} {self.record_url}"

    @property
    def markdown(self) -> str:
        return f"[![]({self.badge_png_url}) {self.text}]({self.record_url})"


def record_path(digits: str) -> str:
    return reverse("records:record", args=[digits])


def filing_code(request, record_number: str, record_number_text: str) -> FilingCode:
    """The filing code of a record, with absolute URLs of this platform."""
    return FilingCode(
        record_url=request.build_absolute_uri(record_path(record_number)),
        badge_url=request.build_absolute_uri(static(BADGE_SVG)),
        badge_png_url=request.build_absolute_uri(static(BADGE_PNG)),
        text=record_number_text)

