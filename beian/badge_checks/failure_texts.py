"""Why a website could not be read, as its check stores it (a short code, never an exception's own
words such as "ConnectError: [Errno -2] Name or service not known") and as people read it, in their
language. The fetcher writes the code (`failure_code`); pages and exports show `failure_text`."""

import re
import ssl

import httpx
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

TIMEOUT = "timeout"
NOT_PUBLIC = "not public"
NO_ADDRESS = "no address to try"
NAME_NOT_FOUND = "name not found"
REFUSED = "connection failed"
TLS = "tls"
REDIRECTS = "too many redirects"
PROTOCOL = "protocol"
OTHER = "other"

TEXTS = {
    TIMEOUT: gettext_lazy("The website did not answer in time."),
    NOT_PUBLIC: gettext_lazy("The domain points to an address that is not on the public internet."),
    NO_ADDRESS: gettext_lazy("No address of the website could be tried."),
    NAME_NOT_FOUND: gettext_lazy("The domain name does not resolve (no DNS record was found)."),
    REFUSED: gettext_lazy("The website's server could not be connected to."),
    TLS: gettext_lazy("The website's HTTPS certificate or encryption could not be verified."),
    REDIRECTS: gettext_lazy("The website redirects too many times."),
    PROTOCOL: gettext_lazy("The website's server sent an answer that is not valid HTTP."),
    OTHER: gettext_lazy("The website could not be reached."),
}
# Words of the resolver's messages (glibc, musl, Windows) when a name has no address.
_NAME_ERRORS = ("name or service not known", "nodename nor servname", "no address associated",
                "temporary failure in name resolution", "getaddrinfo failed", "name does not resolve")
_HTTP_STATUS = re.compile(r"^HTTP (\d{3})$")


def failure_code(failure: BaseException) -> str:
    """The code of an exception met while fetching a page."""
    words = str(failure).lower()
    if isinstance(failure, httpx.TimeoutException):
        return TIMEOUT
    if isinstance(failure, httpx.TooManyRedirects):
        return REDIRECTS
    if isinstance(failure, ssl.SSLError) or "ssl" in words or "certificate" in words:
        return TLS
    if any(marker in words for marker in _NAME_ERRORS):
        return NAME_NOT_FOUND
    if isinstance(failure, httpx.ConnectError | ConnectionError):
        return REFUSED
    if isinstance(failure, httpx.ProtocolError | httpx.DecodingError):
        return PROTOCOL
    return OTHER


def failure_text(detail: str) -> str:
    """What a stored detail means, in the active language: a code, "HTTP <status>", or (from checks
    stored before the codes) an exception's words, which are never shown as they are."""
    if not detail:
        return ""
    status = _HTTP_STATUS.match(detail)
    if status:
        return _("The website answered with the HTTP error %(status)s.") % {"status": status.group(1)}
    if detail in TEXTS:
        return str(TEXTS[detail])
    if any(marker in detail.lower() for marker in _NAME_ERRORS):
        return str(TEXTS[NAME_NOT_FOUND])
    return str(TEXTS[OTHER])
