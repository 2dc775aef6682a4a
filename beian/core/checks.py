"""System checks of the platform's own settings (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

TRUSTED_PROXY_COUNT_UNSET = "beian.W001"


@register(Tags.security, deploy=True)
def trusted_proxy_count_set_behind_https(app_configs, **kwargs):
    """HTTPS=true means a reverse proxy ends TLS (SECURE_PROXY_SSL_HEADER is set for it). With
    TRUSTED_PROXY_COUNT=0 the client address is the proxy's for every visitor: each per-address limit
    (sign-in, SMS codes, the public API) then counts the whole country as one client."""
    if getattr(settings, "HTTPS", False) and not getattr(settings, "TRUSTED_PROXY_COUNT", 0):
        return [Warning(
            "HTTPS is on but TRUSTED_PROXY_COUNT is 0: behind a reverse proxy every visitor has the "
            "proxy's address, so the per-address limits of sign-in, SMS codes and the API treat all "
            "visitors as one.",
            hint="Set TRUSTED_PROXY_COUNT to the number of reverse proxies in front of the web processes "
                 "(1 for one HAProxy or nginx), each adding the client to X-Forwarded-For. If nothing "
                 "sits in front, silence this check with SILENCED_SYSTEM_CHECKS.",
            id=TRUSTED_PROXY_COUNT_UNSET)]
    return []
