"""Which exceptions mean "the database or the cache does not answer", and their one-line log.

Imported by the logging configuration, before Django's apps are ready: it depends on the
database and Redis exception classes only.
"""

import logging

from django.db import InterfaceError, OperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

# Which service an exception says is unavailable. OperationalError also covers a lost
# connection, a server shutting down, a deadlock victim and SQLite's "database is locked":
# each is worth the same advice, to try again shortly.
REDIS_UNANSWERED = (RedisConnectionError, RedisTimeoutError)
SERVICES = (
    ((OperationalError, InterfaceError), "database"),
    (REDIS_UNANSWERED, "cache"),
)


def unavailable_service(exc: BaseException | None) -> str | None:
    """The service `exc` says did not answer ("database" or "cache"), else None."""
    for types, service in SERVICES:
        if isinstance(exc, types):
            return service
    return None


class ShortOutageRecords(logging.Filter):
    """Shortens a logged outage to one line without its traceback; other records pass unchanged."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        service = unavailable_service(exc)
        if service is not None:
            request = getattr(record, "request", None)
            where = f"{request.method} {request.path}" if request is not None else "request"
            message = str(exc).strip()
            cause = message.splitlines()[0][:200] if message else ""
            record.msg = "%s answered 503: %s unavailable (%s: %s)"
            record.args = (where, service, type(exc).__name__, cause)
            record.exc_info = None
            record.exc_text = None
        return True
