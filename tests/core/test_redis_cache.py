"""The Redis cache backend keeps one client per connection pool (ADR 0080, addendum 2). Needs a
Redis on 127.0.0.1:6379 (CI has one); skipped where there is none."""

import socket
import uuid

import pytest

from beian.core.redis_cache import RedisCache

LOCATION = "redis://127.0.0.1:6379/15"


def _redis_is_there() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


pytestmark = pytest.mark.skipif(not _redis_is_there(), reason="no Redis on 127.0.0.1:6379")


def test_one_client_serves_every_command():
    cache = RedisCache(LOCATION, {})
    key = f"beian-test-{uuid.uuid4().hex}"
    cache.set(key, {"kind": "record"}, timeout=30)
    assert cache.get(key) == {"kind": "record"}
    cache.delete(key)
    assert cache.get(key) is None
    client = cache._cache.get_client(key)
    assert cache._cache.get_client(key, write=True) is client


def test_settings_choose_it_for_a_redis_url():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    program = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    shown = subprocess.run(
        [sys.executable, "-c", program],
        cwd=root, capture_output=True, text=True, check=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "beian.settings", "CACHE_URL": LOCATION})
    assert shown.stdout.strip() == "beian.core.redis_cache.RedisCache"
