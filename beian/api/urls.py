"""The API's URLs. Endpoints decide their own authentication (ninja `auth=`), so the site-wide
sign-in redirect does not apply to them; tests/test_url_access.py lists them by name."""

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern

from beian.api.api import api


def _without_sign_in_redirect(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pattern.callback = login_not_required(pattern.callback)
    return patterns


_patterns, _app_name, _namespace = api.urls
api_urls = (_without_sign_in_redirect(list(_patterns)), _app_name, _namespace)
