"""`manage.py bench_sync`: what a sync costs in time and bytes, next to references measured in the same run.

Runs in a throwaway database (created and destroyed like a test database, never the one
configured for the site): loads the demo network, measures, then adds a generated network
(`core.generated`: by default 2,000 organizations and 20,000 contact points with varied
text, and the change-feed history their creation would have written) and measures again.
Requests go through the whole Django stack in-process (middleware, authentication,
rendering), as `APIClient` sends them.

For each network and viewer (anonymous, a member, an admin):

- full snapshot: every page at the default `limit`, summed, asked as a client accepting gzip
  (server time, compression included; bytes before and after compression, as sent);
- the values-only reference: the same objects' own field values, one JSON array per object
  as `values_list` reads the columns behind the synced fields (times at whole seconds),
  gzipped as one stream; and the time of that read;
- the same pages re-encoded with every object keyed by field name (the format before
  per-type blocks), gzipped at level 6: what the columnar blocks save;
- delta after a batch of edits to public contact points (visible to all viewers);
- a sync with nothing new (`If-None-Match`, answered 304) and its SQL statements.

Times are medians of `--repeat` runs. Prints a Markdown table.
"""

from __future__ import annotations

import gzip
import io
import json
import statistics
import time
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts.demo import USERS
from changes.registry import synced_entries
from core.benchmark import throwaway_database
from core.generated import create_network
from core.viewer import ANONYMOUS, Viewer, viewer_for
from organizations.models import ContactPoint

SYNC_URL = "/api/v1/sync/"
TARGET_MS = 1000


@dataclass
class Row:
    network: str
    viewer: str
    objects: int
    pages: int
    snapshot_bytes: int
    snapshot_gzip: int
    keyed_gzip: int
    snapshot_ms: float
    snapshot_cpu_ms: float
    reference_gzip: int
    reference_ms: float
    delta_items: int
    delta_gzip: int
    delta_ms: float
    not_modified_ms: float
    not_modified_sql: int


def median_ms(function, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def packed(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6))


def _plain(value):
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    return str(value)


def value_columns(entry) -> list[str]:
    """The columns behind a type's synced fields: what a replica must receive of each object."""
    fields = entry.serializer_class().fields
    by_name = {f.name: f.attname for f in entry.model._meta.concrete_fields}
    sources = [fields[name].source for name in entry.synced_fields]
    return [
        by_name["id" if source == "pk" else source]
        for source in sources
        if source in by_name or source == "pk"
    ]


def reference_values(viewer: Viewer) -> bytes:
    """One JSON array per synced object the viewer sees, its columns as `values_list` reads them."""
    lines = []
    for entry in synced_entries():
        rows = entry.visible_to(viewer).order_by("pk").values_list(*value_columns(entry))
        lines.extend(json.dumps(list(row), ensure_ascii=False, default=_plain) for row in rows)
    return "\n".join(lines).encode()


def keyed(body: dict) -> bytes:
    """The same page with every object keyed by field name (`{"type", "id", "op", "data"}` items,
    the format before blocks): what the columnar blocks are measured against."""
    items = [
        {
            "type": block["type"],
            "id": str(row[block["fields"].index(block["key"])]),
            "op": "upsert",
            "data": dict(zip(block["fields"], row, strict=True)),
        }
        for block in body["changes"]
        for row in block["rows"]
    ]
    return json.dumps({**body, "changes": items}, ensure_ascii=False, separators=(",", ":")).encode()


def objects_in(body: dict) -> int:
    return sum(len(block["rows"]) + len(block["deleted"]) for block in body["changes"])


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
        with throwaway_database("bench_sync"):
            rows = self._run(organizations, contacts, edits, repeat)
        self._report(rows, edits, repeat)

    # -- measuring -------------------------------------------------------------------------

    def _run(self, organizations, contacts, edits, repeat) -> list[Row]:
        call_command("load_demo", verbosity=0, stdout=io.StringIO())
        self.stderr.write("Demo network loaded; measuring.")
        viewers = self._viewers()
        rows = [self._measure("demo", name, pair, edits, repeat) for name, pair in viewers.items()]
        self.stderr.write(f"Generating {organizations} organizations and {contacts} contact points.")
        create_network(contacts, organizations)
        if connection.vendor == "postgresql":
            # What autovacuum does soon after a bulk load: without statistics the planner takes the
            # fresh tables for empty, sorts all the contacts for each page and costs 30 times more.
            with connection.cursor() as db:
                db.execute("ANALYZE")
        label = f"generated ({organizations:,} orgs, {contacts:,} contacts)"
        rows += [self._measure(label, name, pair, edits, repeat) for name, pair in viewers.items()]
        return rows

    def _viewers(self) -> dict[str, tuple[APIClient, Viewer]]:
        passwords = {username: password for username, _, password, _, _ in USERS}
        viewers = {"anonymous": (APIClient(), ANONYMOUS)}
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
            viewers[label] = (client, viewer_for(get_user_model().objects.get(username=username)))
        return viewers

    def _snapshot(self, client) -> tuple[int, int, int, int, int, str, str, tuple[float, float]]:
        """Every page of a snapshot, asked as a client accepting gzip; the last value is the time
        spent in requests (server time, compression included), without decoding them here, as
        wall-clock and as this process's CPU time (the latter barely moves when other work
        shares the machine; it leaves out the database server's own time)."""
        pages = size = compressed = keyed_compressed = objects = 0
        cursor, etag, spent, cpu = None, None, 0.0, 0.0
        while True:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(SYNC_URL, {"cursor": cursor} if cursor else {}, HTTP_ACCEPT_ENCODING="gzip")
            spent += time.perf_counter() - started
            cpu += time.process_time() - started_cpu
            if response.status_code != 200 or response.get("Content-Encoding") != "gzip":
                raise CommandError(f"Sync answered {response.status_code}: {response.content[:200]!r}")
            body = gzip.decompress(response.content)
            pages += 1
            size += len(body)
            compressed += len(response.content)
            data = json.loads(body)
            keyed_compressed += packed(keyed(data))
            objects += objects_in(data)
            cursor, etag = data["cursor"], response.get("ETag")
            if not data["has_more"]:
                return (
                    pages,
                    size,
                    compressed,
                    keyed_compressed,
                    objects,
                    cursor,
                    etag,
                    (spent * 1000, cpu * 1000),
                )

    def _measure(self, network, viewer_name, pair, edits, repeat) -> Row:
        client, viewer = pair
        self.stderr.write(f"  {network}: {viewer_name}")
        pages, size, compressed, keyed_compressed, objects, cursor, etag, _ = self._snapshot(client)
        timings = [self._snapshot(client)[-1] for _ in range(repeat)]
        snapshot_ms = statistics.median(wall for wall, _ in timings)
        snapshot_cpu_ms = statistics.median(cpu for _, cpu in timings)
        reference = reference_values(viewer)
        reference_ms = median_ms(lambda: reference_values(viewer), repeat)

        def not_modified():
            response = client.get(SYNC_URL, {"cursor": cursor}, HTTP_IF_NONE_MATCH=etag)
            if response.status_code != 304:
                raise CommandError(f"Expected 304, got {response.status_code}.")

        not_modified_ms = median_ms(not_modified, max(repeat, 5))
        connection.queries_log.clear()  # a full log (9,000 entries) would count nothing
        with CaptureQueriesContext(connection) as statements:
            not_modified()
        not_modified_sql = len(statements.captured_queries)  # now: the next request clears the log

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
        delta = client.get(SYNC_URL, {"cursor": cursor}, HTTP_ACCEPT_ENCODING="gzip")
        delta_ms = median_ms(
            lambda: client.get(SYNC_URL, {"cursor": cursor}, HTTP_ACCEPT_ENCODING="gzip"), repeat
        )
        return Row(
            network=network,
            viewer=viewer_name,
            objects=objects,
            pages=pages,
            snapshot_bytes=size,
            snapshot_gzip=compressed,
            keyed_gzip=keyed_compressed,
            snapshot_ms=snapshot_ms,
            snapshot_cpu_ms=snapshot_cpu_ms,
            reference_gzip=packed(reference),
            reference_ms=reference_ms,
            delta_items=objects_in(json.loads(gzip.decompress(delta.content))),
            delta_gzip=len(delta.content),
            delta_ms=delta_ms,
            not_modified_ms=not_modified_ms,
            not_modified_sql=not_modified_sql,
        )

    # -- report ------------------------------------------------------------------------------

    def _report(self, rows: list[Row], edits, repeat) -> None:
        out = self.stdout
        out.write(
            f"\nDatabase: {connection.vendor}; medians of {repeat} runs (304: of {max(repeat, 5)}); "
            f"delta after {edits} edited public contact points; DEBUG={settings.DEBUG}.\n"
        )
        out.write(
            "| network | viewer | objects | pages | snapshot ms | / 1 s target | snapshot CPU ms (Django) "
            "| values read ms (reference) "
            "| bytes | gzip | values-only gzip (reference) | gzip / reference (target ≤ 1.3) "
            "| gzip B per object | keyed objects gzip / reference | delta objects | delta gzip | delta ms "
            "| 304 ms | 304 SQL statements |"
        )
        out.write("| --- | --- |" + " ---: |" * 17)
        for r in rows:
            out.write(
                f"| {r.network} | {r.viewer} | {r.objects:,} | {r.pages} | {r.snapshot_ms:,.0f} | "
                f"{r.snapshot_ms / TARGET_MS:.2f} | {r.snapshot_cpu_ms:,.0f} | {r.reference_ms:,.0f} | "
                f"{r.snapshot_bytes:,} | "
                f"{r.snapshot_gzip:,} | {r.reference_gzip:,} | {r.snapshot_gzip / r.reference_gzip:.2f} | "
                f"{r.snapshot_gzip / max(r.objects, 1):.1f} | {r.keyed_gzip / r.reference_gzip:.2f} | "
                f"{r.delta_items} | {r.delta_gzip:,} | "
                f"{r.delta_ms:,.1f} | {r.not_modified_ms:,.1f} | {r.not_modified_sql} |"
            )
