"""The public record pages (SPEC §6): lookup, one record, its badge kit. Anyone may read them."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from beian.public import badge, http_cache, record_cache, selectors
from beian.public.limits import limit_lookup
from beian.public.lookup import MAX_QUERY_LENGTH, parse_query, record_digits
from beian.public.presenting import for_page


def _too_many(request, retry_after: int):
    response = render(request, "public/rate_limited.html", {"seconds": retry_after}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def _missing(request, digits: str, *, status=404):
    return render(request, "public/record_missing.html", {"digits": digits, "query": digits}, status=status)


def _results(query) -> list[dict]:
    if query.kind == "domain":
        numbers = record_cache.numbers_for_domain(query.value)
        found = [record_cache.entry(number) for number in numbers]
        return [for_page(entry["data"]) for entry in found if entry["kind"] == "record"]
    return [for_page(selectors.record_data(row)) for row in selectors.websites_named(query.value)]


@login_not_required
@require_safe
def lookup_view(request):
    """Search by record number (straight to its page), domain or website name."""
    text = request.GET.get("q", "")
    context = {"query": text[:MAX_QUERY_LENGTH], "searched": False, "results": [], "error": ""}
    if "q" not in request.GET:
        return render(request, "public/lookup.html", context)
    query = parse_query(text)
    if query.kind == "empty":
        context["error"] = _("Enter a record number, a domain name or a website name.")
        return render(request, "public/lookup.html", context, status=400)
    if len(text.strip()) > MAX_QUERY_LENGTH:
        context["error"] = _("The search text is too long (at most %(max)d characters).") % {
            "max": MAX_QUERY_LENGTH}
        return render(request, "public/lookup.html", context, status=400)
    wait = limit_lookup(request)
    if wait:
        return _too_many(request, wait)
    if query.kind == "number":
        entry = record_cache.entry(query.value)
        if entry["kind"] == "record":
            return redirect("records:record", query.value)
        if entry["kind"] == "alias":
            return redirect("records:record", entry["to"])
    context.update(searched=True, kind=query.kind, value=query.value,
                   results=[] if query.kind == "number" else _results(query))
    return render(request, "public/lookup.html", context)


def _canonical_or_404(digits: str) -> str:
    parsed = record_digits(digits)
    if parsed is None:
        raise Http404(_("This is not a record number."))
    return parsed


@login_not_required
@require_safe
def record_view(request, digits: str):
    parsed = _canonical_or_404(digits)
    if parsed != digits:  # another spelling of the number (full-width digits, 号 …)
        return redirect("records:record", parsed, permanent=True)
    entry = record_cache.entry(digits)
    if entry["kind"] == "alias":
        return redirect("records:record", entry["to"], permanent=True)
    if entry["kind"] == "missing":
        return _missing(request, digits)
    etag = http_cache.page_etag(request, entry["etag"])
    cached = http_cache.not_modified(request, etag)
    if cached is not None:
        return cached
    response = render(request, "public/record.html", {
        "record": for_page(entry["data"]), "etag": entry["etag"],
        "cache_seconds": settings.PUBLIC_RECORD_CACHE_SECONDS,
        "badge_url": reverse("records:badge", args=[digits])})
    return http_cache.mark(response, request, etag, shared=False)


@login_not_required
@require_safe
def badge_view(request, digits: str):
    """The badge kit of a filed record, for anyone who builds the sponsor's website."""
    parsed = _canonical_or_404(digits)
    entry = record_cache.entry(parsed)
    if entry["kind"] == "alias" or parsed != digits:
        return redirect("records:badge", entry.get("to", parsed), permanent=True)
    if entry["kind"] == "missing":
        return _missing(request, digits)
    record = for_page(entry["data"])
    code = badge.filing_code(request, digits, record["record_number_text"])
    return render(request, "public/badge.html", {"record": record, "code": code})
