"""Fetching home pages for the badge check: httpx async with bounded concurrency (ADR 0081).

- at most BADGE_CHECK_CONCURRENCY pages at once, and at most BADGE_CHECK_PER_HOST at once per
  registrable domain (many small sites share one hosting provider's servers);
- every request has BADGE_CHECK_TIMEOUT_SECONDS; at most BADGE_CHECK_MAX_BYTES of a page are read;
- HTTPS first, then HTTP; redirects are followed (what a visitor sees is what counts);
- settings.BADGE_CHECK_RESOLVE maps a host name to "address:port", like curl --resolve: a mapped host
  is fetched over plain HTTP at that address with its real name in the Host header. Tests point
  domains at small sites on 127.0.0.1 with it; it is empty by default. Unmapped names are resolved
  in DNS and only public (globally routable) addresses are contacted.
Never call this inside a database transaction: it waits on the network.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import re
import socket
from dataclasses import dataclass

import httpx
from django.conf import settings

from beian.badge_checks import failure_texts
from beian.public.lookup import public_suffixes

USER_AGENT = "BeianBadgeCheck/1.0 (+record badge check of the public-security filing platform)"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Page:
    url: str  # what was asked
    html: str = ""
    status: int | None = None
    final_url: str = ""
    error: str = ""  # why no page was read (empty when it was)

    @property
    def reached(self) -> bool:
        return not self.error and self.status is not None and 200 <= self.status < 300


class NotPublic(httpx.ConnectError):
    pass


class ResolvingTransport(httpx.AsyncBaseTransport):
    """Sends mapped hosts to their configured address; refuses non-public addresses otherwise."""

    def __init__(self, mapping: dict[str, str], inner: httpx.AsyncBaseTransport | None = None):
        self.mapping = {host.lower(): target for host, target in mapping.items()}
        self.inner = inner or httpx.AsyncHTTPTransport(retries=0)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = (request.url.host or "").lower()
        target = self.mapping.get(host)
        if target:
            address, _, port = target.rpartition(":")
            request.url = request.url.copy_with(scheme="http", host=address, port=int(port))
        else:
            await _require_public(host, request.url.port or (443 if request.url.scheme == "https" else 80))
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


async def _require_public(host: str, port: int) -> None:
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as failure:
        raise httpx.ConnectError(f"no address: {failure}") from failure
    for info in infos:
        if not ipaddress.ip_address(info[4][0].split("%")[0]).is_global:
            raise NotPublic("the domain points to a non-public address")


def _decode(body: bytes, response: httpx.Response) -> str:
    charset = response.charset_encoding
    if not charset:
        found = _META_CHARSET.search(body[:4096])
        charset = found.group(1).decode("ascii") if found else "utf-8"
    try:
        return body.decode(charset, errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


async def _read(client: httpx.AsyncClient, url: str) -> Page:
    limit = settings.BADGE_CHECK_MAX_BYTES
    try:
        async with client.stream("GET", url) as response:
            chunks, size = [], 0
            async for chunk in response.aiter_bytes():
                chunks.append(chunk)
                size += len(chunk)
                if size >= limit:
                    break
            body = b"".join(chunks)[:limit]
            return Page(url, _decode(body, response), response.status_code, str(response.url))
    except httpx.TimeoutException:
        return Page(url, error=failure_texts.TIMEOUT)
    except NotPublic:
        return Page(url, error=failure_texts.NOT_PUBLIC)
    except (httpx.HTTPError, OSError, ValueError) as failure:
        # A code, read in the reader's language (failure_texts); the exception's words go to the log.
        logger.info("Badge check of %s failed: %r", url, failure)
        return Page(url, error=failure_texts.failure_code(failure))


def _urls(domain: str, mapping: dict[str, str]) -> list[str]:
    if domain.lower() in mapping:
        return [f"http://{domain}/"]
    return [f"https://{domain}/", f"http://{domain}/"]


def host_key(domain: str) -> str:
    return public_suffixes().privatesuffix(domain) or domain


async def fetch_all(domains: list[str], *, transport: httpx.AsyncBaseTransport | None = None) -> list[Page]:
    """The home page of each domain (same order). Each domain: HTTPS, then HTTP if HTTPS gave no page."""
    mapping = {host.lower(): target for host, target in (settings.BADGE_CHECK_RESOLVE or {}).items()}
    overall = asyncio.Semaphore(max(1, settings.BADGE_CHECK_CONCURRENCY))
    per_host: dict[str, asyncio.Semaphore] = {}
    client = httpx.AsyncClient(
        transport=ResolvingTransport(mapping, transport), follow_redirects=True, max_redirects=5,
        timeout=httpx.Timeout(settings.BADGE_CHECK_TIMEOUT_SECONDS), trust_env=False,
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.8"})

    async def one(domain: str) -> Page:
        host = per_host.setdefault(host_key(domain), asyncio.Semaphore(max(1, settings.BADGE_CHECK_PER_HOST)))
        async with overall, host:
            page = Page(f"http://{domain}/", error=failure_texts.NO_ADDRESS)
            for url in _urls(domain, mapping):
                page = await _read(client, url)
                if page.reached:
                    break
            return page

    async with client:
        return await asyncio.gather(*(one(domain) for domain in domains))


def fetch_pages(domains: list[str], **options) -> list[Page]:
    return asyncio.run(fetch_all(domains, **options))
