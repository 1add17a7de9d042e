"""Run requests truly at once: one thread and one database connection per request.

Races are decided by the database's locks, so these functions need PostgreSQL; on SQLite the
tests that use them are skipped (`needs_postgresql`). Each call waits at a barrier so the
requests leave together, and every thread closes its connection, so the test database can be
dropped afterwards.
"""

import threading

import pytest
from django.db import close_old_connections, connection
from rest_framework.test import APIClient

from tests.conftest import login

JOIN_SECONDS = 60

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="races need PostgreSQL's row locks and truly parallel connections (CI runs them on PostgreSQL)",
)


def signed_in(username: str) -> APIClient:
    """A client that answers a server error as a 500 response instead of raising it in the test."""
    client = APIClient(raise_request_exception=False)
    login(client, username)
    return client


def at_once(*calls) -> list:
    """Call each of `calls` in its own thread, all released together; their results in order.

    An exception in a call is returned as its result, so a test sees it instead of a hang.
    """
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=JOIN_SECONDS)
            results[index] = call()
        except Exception as exc:  # handed to the test, which asserts on it
            results[index] = exc
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=JOIN_SECONDS)
    assert not any(thread.is_alive() for thread in threads), "a request hung"
    return results


def statuses(responses) -> list:
    """The status codes of `responses`, sorted (an exception stays as it is, so it shows)."""
    return sorted((getattr(r, "status_code", r) for r in responses), key=str)
