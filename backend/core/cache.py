"""Redis as the cache, with this process's memory standing in while Redis does not answer.

The cache holds throttle counters and nothing that must survive: when Redis is down or hung,
counting in the worker's own memory (per process, so limits loosen by the number of
workers) keeps sign-in and invitation acceptance working instead of failing every one of
them. Each call to a hung Redis costs at most the socket timeout (`REDIS_TIMEOUT_MS`); after
a failure Redis is left alone for `REDIS_RETRY_SECONDS`, so the requests in between pay
nothing, and is then tried again. The switch is logged once each way.

Written here because Django's Redis backend has no fallback and django-redis's
`IGNORE_EXCEPTIONS` answers every read with "nothing cached", which would turn the sign-in
throttle off during an outage.
"""

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

from .unavailable import REDIS_UNANSWERED

logger = logging.getLogger("waypoint.cache")


class _Outage:
    """Whether Redis failed lately; one per process, shared by the threads' cache objects."""

    retry_at: float = 0.0
    down: bool = False


class FallbackRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS", {}))
        self._retry_seconds = options.pop("RETRY_SECONDS", 15)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._local = LocMemCache(f"redis-fallback:{server}", {"TIMEOUT": params.get("TIMEOUT", 300)})

    def redis_answers(self) -> bool:
        """Whether Redis is in use now (not during the pause after a failure)."""
        return time.monotonic() >= _Outage.retry_at

    def redis_status(self) -> str:
        """Redis's state, "ok" or "down": one cheap read, none if it failed moments ago."""
        self.has_key("health")
        return "ok" if self.redis_answers() else "down"

    def _either(self, name: str, *args, **kwargs):
        if self.redis_answers():
            try:
                result = getattr(super(), name)(*args, **kwargs)
            except REDIS_UNANSWERED as exc:
                _Outage.retry_at = time.monotonic() + self._retry_seconds
                if not _Outage.down:
                    _Outage.down = True
                    logger.warning("Redis does not answer (%s); caching in this process meanwhile.", exc)
            else:
                if _Outage.down:
                    _Outage.down = False
                    logger.warning("Redis answers again; caching there again.")
                return result
        return getattr(self._local, name)(*args, **kwargs)

    def add(self, *args, **kwargs):
        return self._either("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._either("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._either("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._either("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._either("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._either("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._either("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._either("incr", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._either("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._either("delete_many", *args, **kwargs)

    def clear(self):
        return self._either("clear")
