"""Views every deployment needs: the health check and the error pages."""

from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from beian.core.body_limits import answer_data_too_big


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def _cache_ok() -> bool:
    try:
        cache.set("healthz", "ok", 10)
        return cache.get("healthz") == "ok"
    except Exception:  # noqa: BLE001 - any cache failure only degrades the answer
        return False


@login_not_required
@never_cache
def healthz(request):
    database = _database_ok()
    cache_state = _cache_ok()
    body = {
        "status": "ok" if database else "unavailable",
        "database": "ok" if database else "unreachable",
        "cache": "ok" if cache_state else "unreachable",
    }
    return JsonResponse(body, status=200 if database else 503)


@login_not_required
def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@login_not_required
def server_error(request):
    # No context from the failed view: the page must render even when the database is down.
    return render(request, "500.html", status=500)


@login_not_required
def bad_request(request, exception=None):
    return answer_data_too_big(request, exception) or render(request, "400.html", status=400)


@login_not_required
def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)
