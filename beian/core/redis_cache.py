"""Django's Redis cache with one client per connection pool (ADR 0080, addendum 2).

Django's client builds a new redis.Redis for every command, and building one (it fills a table of
some 170 response callbacks) costs more than a GET on a nearby Redis. A redis.Redis is only a handle
on its connection pool and may be shared between threads, so one per pool does the same work.
Settings choose it for CACHE_URL=redis://… (beian/settings.py)."""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class PoolClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = PoolClientRedisCacheClient
