"""Snapshot pages are built a bounded number at a time; the next one is told to come back later.

Devices syncing from scratch must not take every worker: with all `SYNC_SNAPSHOT_SLOTS` held,
a snapshot page is refused with 429 problem details and `Retry-After`, while a sync that only
asks for changes, and every other request, is served as usual.
"""

import threading
from contextlib import contextmanager

import yaml
from django.conf import settings
from django.db import connection

from sync.slots import snapshot_slot
from tests.core.contract import COMMITTED

from .replica import SYNC_URL

HOLD_SECONDS = 30


@contextmanager
def slots_taken(count: int):
    """`count` snapshot slots held by other threads (each with its own database connection)."""
    ready, release = threading.Barrier(count + 1, timeout=HOLD_SECONDS), threading.Event()

    def hold():
        try:
            with snapshot_slot():
                ready.wait()
                release.wait(HOLD_SECONDS)
        finally:
            connection.close()

    threads = [threading.Thread(target=hold) for _ in range(count)]
    for thread in threads:
        thread.start()
    ready.wait()
    try:
        yield
    finally:
        release.set()
        for thread in threads:
            thread.join(HOLD_SECONDS)


def test_beyond_the_slots_a_snapshot_is_429_with_retry_after_and_a_delta_is_served(client_of, org_a, anna):
    anna_client = client_of("anna")
    done = anna_client.get(SYNC_URL)
    assert done.status_code == 200 and not done.json()["has_more"]
    with slots_taken(settings.SYNC_SNAPSHOT_SLOTS):
        busy = anna_client.get(SYNC_URL)
        assert busy.status_code == 429, busy.content
        assert busy["Retry-After"] == str(settings.SYNC_SNAPSHOT_RETRY_SECONDS)
        problem = busy.json()
        assert problem["status"] == 429 and problem["errors"][0]["code"] == "snapshots_busy"
        delta = anna_client.get(SYNC_URL, {"cursor": done.json()["cursor"]})
        assert delta.status_code == 200 and not delta.json()["reset"]
        assert client_of("nobody").get("/healthz").status_code == 200
    assert anna_client.get(SYNC_URL).status_code == 200


def test_one_slot_short_of_the_bound_a_snapshot_is_served(client_of, org_a, anna):
    with slots_taken(settings.SYNC_SNAPSHOT_SLOTS - 1):
        assert client_of("anna").get(SYNC_URL).status_code == 200


def test_the_429_and_its_retry_after_are_in_the_contract():
    contract = yaml.safe_load(COMMITTED.read_text())
    busy = contract["paths"]["/api/v1/sync/"]["get"]["responses"]["429"]
    assert "Retry-After" in busy["headers"]
