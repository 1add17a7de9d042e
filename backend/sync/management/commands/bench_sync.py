"""`manage.py bench_sync`: what a sync costs, in bytes and time, next to a plain list request.

Runs in a throwaway database (created and destroyed like a test database, never the one
configured for the site): loads the demo network, measures, then adds a generated
network (by default 2,000 organizations and 20,000 contact points, with a matching
history in the change feed) and measures again. Requests go through the whole Django
stack in-process (middleware, authentication, rendering), as `APIClient` sends them.

For each network and viewer (anonymous, a member, an admin):

- full snapshot: every page at the default `limit`, summed (bytes as sent, and gzipped
  per response as a compressing proxy would send them);
- delta after a batch of edits to public contact points (visible to all viewers);
- a sync with nothing new (`If-None-Match`, answered 304);
- references measured in the same run: the first page of 100 contact points from the
  list endpoint, and `SELECT count(*)` over the contact points.

Times are medians of `--repeat` runs. Prints a Markdown table; ratios are against the
list request of 100 contact points.
"""

from __future__ import annotations

import gzip
import io
import statistics
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import setup_test_environment, teardown_test_environment
from rest_framework.test import APIClient

from accounts.demo import USERS
from core.generated import create_network
from organizations.models import ContactPoint

SYNC_URL = "/api/v1/sync/"
LIST_URL = "/api/v1/contact-points/"


@dataclass
class Row:
    network: str
    viewer: str
    objects: int
    pages: int
    snapshot_bytes: int
    snapshot_gzip: int
    snapshot_ms: float
    delta_items: int
    delta_bytes: int
    delta_ms: float
    not_modified_ms: float
    list_ms: float
    count_ms: float


def median_ms(function, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


class Command(BaseCommand):
    help = (
        "Measure sync snapshots, deltas and 304s for the demo network and a generated one, "
        "in a throwaway database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--organizations", type=int, default=2000, help="Generated organizations (default 2000)."
        )
        parser.add_argument(
            "--contacts", type=int, default=20000, help="Generated contact points (default 20000)."
        )
        parser.add_argument(
            "--edits", type=int, default=50, help="Contact points edited before the delta (default 50)."
        )
        parser.add_argument("--repeat", type=int, default=3, help="Runs per timing; the median is reported.")

    def handle(self, *args, organizations, contacts, edits, repeat, **options):
        if min(organizations, contacts, edits, repeat) < 1:
            raise CommandError("--organizations, --contacts, --edits and --repeat must be at least 1.")
        setup_test_environment()
        test_settings = connection.settings_dict.setdefault("TEST", {})
        if connection.vendor != "sqlite":
            test_settings["NAME"] = f"{connection.settings_dict['NAME']}_bench_sync"
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            rows = self._run(organizations, contacts, edits, repeat)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()
        self._report(rows, organizations, contacts, edits, repeat)

    # -- measuring -------------------------------------------------------------------------

    def _run(self, organizations, contacts, edits, repeat) -> list[Row]:
        call_command("load_demo", verbosity=0, stdout=io.StringIO())
        self.stderr.write("Demo network loaded; measuring.")
        viewers = self._viewers()
        rows = [self._measure("demo", name, client, edits, repeat) for name, client in viewers.items()]
        self.stderr.write(f"Generating {organizations} organizations and {contacts} contact points.")
        create_network(contacts, organizations)
        label = f"generated ({organizations:,} orgs, {contacts:,} contacts)"
        rows += [self._measure(label, name, client, edits, repeat) for name, client in viewers.items()]
        return rows

    def _viewers(self) -> dict[str, APIClient]:

        passwords = {username: password for username, _, password, _, _ in USERS}
        clients = {"anonymous": APIClient()}
        for label, username in (("member", "mila"), ("admin", "olga")):
            cache.clear()  # login throttles
            client = APIClient()
            response = client.post(
                "/api/v1/auth/token/", {"username": username, "password": passwords[username]}, format="json"
            )
            if response.status_code != 200:
                raise CommandError(
                    f"Cannot sign in the demo {label} {username!r}: {response.content[:200]!r}"
                )
            client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
            clients[label] = client
        return clients

    def _snapshot(self, client) -> tuple[int, int, int, int, str, str]:
        pages = size = packed = objects = 0
        cursor, etag = None, None
        while True:
            response = client.get(SYNC_URL, {"cursor": cursor} if cursor else {})
            if response.status_code != 200:
                raise CommandError(f"Sync answered {response.status_code}: {response.content[:200]!r}")
            body = response.content
            pages += 1
            size += len(body)
            packed += len(gzip.compress(body, compresslevel=6))
            data = response.json()
            objects += len(data["changes"])
            cursor, etag = data["cursor"], response.get("ETag")
            if not data["has_more"]:
                return pages, size, packed, objects, cursor, etag

    def _measure(self, network, viewer, client, edits, repeat) -> Row:

        self.stderr.write(f"  {network}: {viewer}")
        pages, size, packed, objects, cursor, etag = self._snapshot(client)
        snapshot_ms = median_ms(lambda: self._snapshot(client), repeat)

        def not_modified():
            response = client.get(SYNC_URL, {"cursor": cursor}, HTTP_IF_NONE_MATCH=etag)
            if response.status_code != 304:
                raise CommandError(f"Expected 304, got {response.status_code}.")

        not_modified_ms = median_ms(not_modified, max(repeat, 5))

        targets = list(
            ContactPoint.objects.filter(
                visibility="public", status="active", organization__visibility="public"
            )
            .select_related("organization")
            .order_by("?")[:edits]
        )
        with transaction.atomic():
            for contact in targets:
                contact.hours = f"Mon-Fri 10-18 (edit {time.monotonic_ns()})"
                contact.save()
        delta = client.get(SYNC_URL, {"cursor": cursor})
        delta_items = len(delta.json()["changes"])
        delta_ms = median_ms(lambda: client.get(SYNC_URL, {"cursor": cursor}), repeat)

        list_ms = median_ms(lambda: client.get(LIST_URL, {"page_size": 100}), max(repeat, 5))

        def count():
            with connection.cursor() as db:
                db.execute(f"SELECT count(*) FROM {ContactPoint._meta.db_table}")  # noqa: S608
                db.fetchone()

        count_ms = median_ms(count, max(repeat, 5))
        return Row(
            network=network,
            viewer=viewer,
            objects=objects,
            pages=pages,
            snapshot_bytes=size,
            snapshot_gzip=packed,
            snapshot_ms=snapshot_ms,
            delta_items=delta_items,
            delta_bytes=len(delta.content),
            delta_ms=delta_ms,
            not_modified_ms=not_modified_ms,
            list_ms=list_ms,
            count_ms=count_ms,
        )

    # -- report ------------------------------------------------------------------------------

    def _report(self, rows: list[Row], organizations, contacts, edits, repeat) -> None:
        engine = connection.vendor
        out = self.stdout
        out.write(
            f"\nDatabase: {engine}; medians of {repeat} runs (304, list and count: of {max(repeat, 5)}); "
            f"delta after {edits} edited public contact points; DEBUG={settings.DEBUG}.\n"
        )
        out.write(
            "| network | viewer | objects | pages | snapshot bytes | gzip | snapshot ms | / list | "
            "delta items | delta bytes | delta ms | / list | 304 ms | / list | list 100 ms | count(*) ms |"
        )
        out.write("| --- | --- |" + " ---: |" * 14)
        for r in rows:
            out.write(
                f"| {r.network} | {r.viewer} | {r.objects:,} | {r.pages} | {r.snapshot_bytes:,} | "
                f"{r.snapshot_gzip:,} | {r.snapshot_ms:,.0f} | {r.snapshot_ms / r.list_ms:,.1f} | "
                f"{r.delta_items} | {r.delta_bytes:,} | {r.delta_ms:,.1f} | {r.delta_ms / r.list_ms:,.2f} | "
                f"{r.not_modified_ms:,.1f} | {r.not_modified_ms / r.list_ms:,.2f} | {r.list_ms:,.1f} | "
                f"{r.count_ms:,.2f} |"
            )
