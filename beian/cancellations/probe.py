"""Is the website still online? (SPEC §4.6: a filing is cancelled only for a closed website.)

`probe_website(domains)` asks every domain for its home page over HTTPS and over HTTP, each with a
short timeout (settings.CANCELLATION_PROBE_TIMEOUT_SECONDS), and returns one ProbeResult per URL. A
URL "answers with a page" when it gives a 2xx response, directly or after redirects that stay on the
same site; a redirect to another site is recorded and not followed, and error statuses (4xx/5xx), refused
connections, TLS failures and timeouts count as closed. Certificates are not verified: a site with an
expired certificate that still serves pages is still online.

Where the probe connects (ADR 0070):
- settings.CANCELLATION_PROBE_RESOLVE maps a host name ("example.cn") or one scheme of it
  ("https://example.cn") to "address:port", like curl's --resolve. Tests and staging point domains at
  servers on 127.0.0.1 with it; it is empty by default.
- otherwise the name is looked up in DNS and only a public (globally routable) address is contacted: a
  domain that points into the platform's own network is reported, never fetched.
The request always goes to that address with the real host name in the Host header and in TLS SNI, so the
answer is the one a visitor would get. Run it outside database transactions: it waits on the network.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, fields
from urllib.parse import urljoin, urlsplit

import httpx
from django.conf import settings
from django.utils.translation import gettext as _

from beian.filings.checks import held_domain_names

SCHEMES = ("https", "http")
USER_AGENT = "BeianCancellationProbe/1.0"
MAX_PARALLEL = 8


class Outcome:
    PAGE = "page"  # the only outcome that means "still online"
    REDIRECT_ELSEWHERE = "redirect_elsewhere"
    ERROR_STATUS = "error_status"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    NO_CONNECTION = "no_connection"
    TIMEOUT = "timeout"
    NO_ADDRESS = "no_address"
    NOT_PUBLIC = "not_public"


@dataclass(frozen=True)
class ProbeResult:
    url: str  # what was asked, e.g. "https://example.cn"
    outcome: str
    status: int | None = None
    final_url: str = ""  # where the page was found, after redirects on the same site
    location: str = ""  # the other site a redirect pointed to (not followed)
    detail: str = ""  # the network error, for the reviewer
    timeout: float = 0.0

    @property
    def answered(self) -> bool:
        return self.outcome == Outcome.PAGE

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> ProbeResult:
        names = {field.name for field in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in names})

    def describe(self) -> str:
        """One sentence in the active language, e.g. "https://example.cn answered with HTTP 200"."""
        values = {"url": self.url, "status": self.status, "final": self.final_url,
                  "location": self.location, "seconds": f"{self.timeout:g}"}
        if self.outcome == Outcome.PAGE:
            if self.final_url and self.final_url.rstrip("/") != self.url.rstrip("/"):
                return _("%(url)s answered with HTTP %(status)s (at %(final)s)") % values
            return _("%(url)s answered with HTTP %(status)s") % values
        return {
            Outcome.REDIRECT_ELSEWHERE: _("%(url)s redirects to another site (%(location)s); the redirect "
                                          "was not followed"),
            Outcome.ERROR_STATUS: _("%(url)s answered with HTTP %(status)s, an error rather than a page"),
            Outcome.TOO_MANY_REDIRECTS: _("%(url)s redirects too many times"),
            Outcome.NO_CONNECTION: _("%(url)s: no connection could be made"),
            Outcome.TIMEOUT: _("%(url)s: no answer within %(seconds)s seconds"),
            Outcome.NO_ADDRESS: _("%(url)s: the domain name has no address"),
            Outcome.NOT_PUBLIC: _("%(url)s: the domain points to a non-public address and was not probed"),
        }.get(self.outcome, "%(url)s") % values


def answering(results: list[ProbeResult]) -> list[ProbeResult]:
    return [result for result in results if result.answered]


def described(stored: list[dict]) -> list[dict]:
    """Stored results for a template: {"result", "text", "answered"} in the active language."""
    rows = []
    for data in stored or []:
        result = ProbeResult.from_dict(data)
        rows.append({"result": result, "text": result.describe(), "answered": result.answered})
    return rows


# --- probing ----------------------------------------------------------------------------------------

def probe_website(domains: list[str], *, transport: httpx.BaseTransport | None = None) -> list[ProbeResult]:
    """Probe every valid domain over HTTPS and HTTP (in parallel); results in the order of `domains`,
    HTTPS before HTTP. `transport` replaces the network in tests."""
    urls = [(scheme, host) for host in held_domain_names(domains) for scheme in SCHEMES]
    if not urls:
        return []
    with _client(transport) as client, ThreadPoolExecutor(max_workers=min(MAX_PARALLEL, len(urls))) as pool:
        return list(pool.map(lambda pair: probe_url(client, *pair), urls))


def _timeout() -> float:
    return float(settings.CANCELLATION_PROBE_TIMEOUT_SECONDS)


def _client(transport) -> httpx.Client:
    # No proxies from the environment (the request goes to a chosen address) and no certificate
    # checks (a page behind a bad certificate is still a page). Redirects are followed by hand.
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return httpx.Client(transport=transport, verify=context, trust_env=False, follow_redirects=False,
                        timeout=httpx.Timeout(_timeout()), headers={"User-Agent": USER_AGENT,
                                                                    "Accept": "text/html,*/*;q=0.8"})


def probe_url(client: httpx.Client, scheme: str, host: str) -> ProbeResult:
    """Fetch scheme://host/ and follow redirects while they stay on the same site."""
    asked = f"{scheme}://{host}"
    current = f"{asked}/"
    for _hop in range(int(settings.CANCELLATION_PROBE_MAX_REDIRECTS) + 1):
        parts = urlsplit(current)
        target = _connect_address(parts.scheme, parts.hostname or "", parts.port)
        if isinstance(target, str):
            return ProbeResult(asked, target, timeout=_timeout())
        try:
            status, location = _fetch(client, parts, target)
        except httpx.TimeoutException:
            return ProbeResult(asked, Outcome.TIMEOUT, timeout=_timeout())
        except (httpx.HTTPError, OSError, ValueError) as failure:
            return ProbeResult(asked, Outcome.NO_CONNECTION, detail=_short(failure), timeout=_timeout())
        if 300 <= status < 400 and location:
            following = urljoin(current, location)
            next_host = (urlsplit(following).hostname or "").lower()
            if urlsplit(following).scheme not in SCHEMES or not _same_site(next_host, host):
                return ProbeResult(asked, Outcome.REDIRECT_ELSEWHERE, status=status, location=following[:300],
                                   timeout=_timeout())
            current = following
            continue
        if 200 <= status < 300 and status != 204:
            return ProbeResult(asked, Outcome.PAGE, status=status, final_url=current[:300],
                               timeout=_timeout())
        return ProbeResult(asked, Outcome.ERROR_STATUS, status=status, final_url=current[:300],
                           timeout=_timeout())
    return ProbeResult(asked, Outcome.TOO_MANY_REDIRECTS, timeout=_timeout())


def _fetch(client: httpx.Client, parts, target: tuple[str, int]) -> tuple[int, str]:
    address, port = target
    host_literal = f"[{address}]" if ":" in address else address
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    host = parts.hostname or ""
    default_port = 443 if parts.scheme == "https" else 80
    host_header = host if (parts.port or default_port) == default_port else f"{host}:{parts.port}"
    request = client.build_request(
        "GET", f"{parts.scheme}://{host_literal}:{port}{path}", headers={"Host": host_header},
        extensions={"sni_hostname": host} if parts.scheme == "https" else {})
    response = client.send(request, stream=True)  # only the status matters: the body is not read
    try:
        return response.status_code, response.headers.get("location", "")
    finally:
        response.close()


def _connect_address(scheme: str, host: str, port: int | None) -> tuple[str, int] | str:
    """(address, port) to connect to, or the Outcome explaining why nothing is contacted."""
    default_port = port or (443 if scheme == "https" else 80)
    resolve = settings.CANCELLATION_PROBE_RESOLVE or {}
    mapped = resolve.get(f"{scheme}://{host}") or resolve.get(host)
    if mapped:
        return _parse_mapping(str(mapped), default_port)
    try:
        infos = socket.getaddrinfo(host, default_port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        return Outcome.NO_ADDRESS
    public = [info[4][0] for info in infos if ipaddress.ip_address(info[4][0].split("%")[0]).is_global]
    if not public:
        return Outcome.NOT_PUBLIC
    return public[0], default_port


def _parse_mapping(value: str, default_port: int) -> tuple[str, int]:
    """"127.0.0.1:8080", "127.0.0.1", "[::1]:8080" → (address, port)."""
    value = value.strip()
    if value.startswith("["):
        address, _, rest = value[1:].partition("]")
        return address, int(rest.lstrip(":") or default_port)
    if value.count(":") == 1:
        address, port = value.split(":")
        return address, int(port)
    return value, default_port


def _same_site(candidate: str, probed: str) -> bool:
    """The probed name itself, a name under it, or the name it is under (example.cn ↔ www.example.cn)."""
    return "." in candidate and (candidate == probed or candidate.endswith(f".{probed}")
                                or probed.endswith(f".{candidate}"))


def _short(failure: Exception) -> str:
    text = str(failure) or failure.__class__.__name__
    return text[:200]
