"""Deny by default: walk every URL pattern as an anonymous visitor.

A URL that is not on the public allow-list must answer with a redirect to a sign-in page. The
allow-list is explicit, so making a page public is a visible decision in review.
"""

import re
from urllib.parse import urlparse

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

PUBLIC_URL_NAMES = {
    "public:landing",
    "accounts:login",
    "set_language",
    "healthz",
    "admin:login",
    "public:precheck",
    "api-v1:api-root",
    "api-v1:openapi-json",
    "api-v1:openapi-view",
    "api-v1:ping",
    "api-v1:prechecks",
    "api-v1:unregistered_websites",
    "api-v1:legacy_records",
    "accounts:register",
    "accounts:verify_mobile",
    "accounts:resend_registration_code",
    "accounts:send_registration_code",
    "accounts:confirm_email",
    "accounts:password_reset",
    "accounts:password_reset_verify",
    "accounts:password_reset_resend",
    "accounts:sign_in_code",
    "accounts:sign_in_code_verify",
    "accounts:sign_in_code_resend",
    "accounts:complete_registration",
    "accounts:logout",
    "captcha-image",
    "captcha-image-2x",
    "captcha-new",
    "records:record",
    "records:lookup",
    "records:badge",
    "public:statistics",
    "api-v1:record",
    "api-v1:records",
}
# Public, but not a page to open by name: it needs an argument (the captcha's key), accepts POST
# only, or continues a step begun on another page (it sends the visitor back there).
PUBLIC_URL_NAMES_WITH_ARGUMENTS = {"captcha-image", "captcha-image-2x", "accounts:logout",
                                   "accounts:resend_registration_code", "accounts:password_reset_resend",
                                   "accounts:verify_mobile", "accounts:password_reset_verify",
                                   "accounts:sign_in_code_verify", "accounts:sign_in_code_resend",
                                   "accounts:complete_registration",
                                   "records:record", "records:badge", "api-v1:record"}
SIGN_IN_PATHS = {reverse("accounts:login"), reverse("admin:login")}
SAMPLE_VALUES = {"int": "1", "path": "x", "slug": "x", "str": "x",
                 "uuid": "00000000-0000-0000-0000-000000000000"}


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner_ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner_ns)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}" if entry.name else None, prefix + str(entry.pattern)


def _sample_path(pattern: str) -> str:
    path = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE_VALUES.get(m.group(1) or "str", "x"), pattern)
    # Regex patterns (admin): drop anchors and fill groups with a plain value.
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "1", path).replace("^", "").replace("$", "")
    path = path.replace("\\", "")
    return "/" + path


ALL_PATTERNS = sorted(set(_walk(get_resolver().url_patterns)), key=lambda item: item[1])
# Only the patterns the sign-in rule applies to become cases: the public ones are checked below.
NON_PUBLIC_PATTERNS = [pattern for name, pattern in ALL_PATTERNS if name not in PUBLIC_URL_NAMES]


def test_the_allow_list_names_only_existing_urls():
    names = {name for name, _ in ALL_PATTERNS}
    assert PUBLIC_URL_NAMES <= names


@pytest.mark.django_db
@pytest.mark.parametrize("pattern", NON_PUBLIC_PATTERNS, ids=NON_PUBLIC_PATTERNS)
def test_non_public_urls_send_anonymous_visitors_to_sign_in(client, pattern):
    response = client.get(_sample_path(pattern))
    assert response.status_code in (301, 302), f"{pattern} answered {response.status_code}"
    target = urlparse(response["Location"]).path
    if response.status_code == 301 and target.endswith("/") and not pattern.endswith("/"):
        # APPEND_SLASH: follow once, then it must go to sign-in.
        response = client.get(target)
        target = urlparse(response["Location"]).path
    assert target in SIGN_IN_PATHS, f"{pattern} redirected to {target}"


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(PUBLIC_URL_NAMES - {"set_language"}
                                        - PUBLIC_URL_NAMES_WITH_ARGUMENTS))
def test_public_urls_answer_anonymous_visitors(client, name):
    response = client.get(reverse(name))
    assert response.status_code < 500 or response.status_code == 503  # healthz may say unavailable
    assert urlparse(response.get("Location", "")).path not in SIGN_IN_PATHS
