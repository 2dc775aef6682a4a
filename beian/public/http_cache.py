"""HTTP caching of public reads (ADR 0080): validators and lifetimes a browser or a CDN can use.

The JSON of a record is the same bytes for everyone: strong ETag (a hash of the body), `public`.
A record page also carries the header of the site (language switch with its CSRF token, the signed-in
name), so its ETag is weak and names what the page is made of — the record's data hash, the language,
signed in or not, and the deployed static files (their hashed names change with a release) — and a
page for a signed-in visitor is `private`.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.templatetags.static import static
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import get_language

PAGE_REVISION = "1"  # raise when the record templates change in a way the static names do not show


def json_etag(body_hash: str) -> str:
    return f'"{body_hash}"'


def page_etag(request, data_hash: str) -> str:
    signed_in = "u" if request.user.is_authenticated else "a"
    parts = "|".join([data_hash, get_language() or "", signed_in, PAGE_REVISION, static("css/site.css")])
    return f'W/"{hashlib.sha256(parts.encode()).hexdigest()[:32]}"'


def not_modified(request, etag: str):
    """A 304 answer when the client already holds this representation, else None."""
    response = get_conditional_response(request, etag=etag)
    if response is not None:
        mark(response, request, etag)
    return response


def mark(response, request, etag: str | None = None, *, shared: bool = True):
    """ETag and Cache-Control of a public read. `shared`: the same for every visitor (JSON)."""
    if etag:
        response["ETag"] = etag
    if shared or not request.user.is_authenticated:
        patch_cache_control(response, public=True, max_age=settings.PUBLIC_HTTP_MAX_AGE)
    else:
        patch_cache_control(response, private=True, max_age=0)
    return response
