"""What exchanging data with the rest of the world costs at 20,000 contacts, as docs/benchmarks.md reports it.

    python -m tests.bench_exchange                                    # SQLite
    DATABASE_URL=postgres://USER@HOST:5432/NAME python -m tests.bench_exchange

Builds a throwaway database (as the test runner does, never the configured one; on SQLite a
file, so a worker process can share it), loads the demo network and a generated one
(`core.generated`, 2,000 organizations and 20,000 contact points), then measures, each next to
a reference from the same run:

1. CSV export of every contact the admin sees, streamed: time, SQL statements and peak Python
   memory (tracemalloc) of the whole download, against walking the JSON list's pages of the same
   rows (100 a page, `next` links); the same at about 2,000 rows (`?channel=phone`).
2. CSV import of a 2,000-row file (`--import-rows`; the limit is raised to it for the run) as a
   coordinator: dry run, real run, and a file whose last row is refused; against the same
   contacts created by one POST each.
3. HSDS: the first page of `/api/hsds/services` against the first page of
   `/api/v1/contact-points/`, anonymous and as a member, interleaved.
4. Webhooks: drawing up the events of one admin endpoint after an organization of N public
   contacts becomes network-only (its contacts follow, so the feed records N + 1 changes);
   then the time from a write's answer to its webhook arriving, signature verified, at a
   loopback receiver, through a real worker (`manage.py run_worker`).
5. Job queue: a real worker's throughput of no-op jobs (its connection kept between jobs, as
   docker-compose.yml runs it with `DATABASE_CONN_MAX_AGE=60`, unless that variable is set),
   and what queuing the webhook job costs a write request (an active endpoint against none).

Requests go through the whole Django stack in-process (`APIClient`); the worker is its own
process, as in production.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "backend"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waypoint.settings.test")  # webhooks to loopback http

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Max, Min  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402
from rest_framework.test import APIClient  # noqa: E402

from accounts.demo import USERS  # noqa: E402
from core.benchmark import throwaway_database  # noqa: E402
from core.generated import create_network  # noqa: E402
from core.management.commands.bench_lists import interleaved  # noqa: E402
from organizations.models import ContactPoint, Organization  # noqa: E402
from tests.jobs.tasks import nothing  # noqa: E402
from tests.servers import stop  # noqa: E402
from tests.webhooks.receiver import Receiver  # noqa: E402
from webhooks import fanout  # noqa: E402
from webhooks.models import WebhookEndpoint  # noqa: E402

PARTS = ["export", "import", "hsds", "fanout", "latency", "queue"]
PASSWORDS = {username: password for username, _, password, _, _ in USERS}


def out(line: str = "") -> None:
    print(line, flush=True)


def signed_in(username: str | None) -> APIClient:
    client = APIClient()
    if username:
        cache.clear()  # sign-in throttles
        response = client.post("/api/v1/auth/token/", {"username": username, "password": PASSWORDS[username]})
        assert response.status_code == 200, response.content
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['access']}")
    return client


@contextmanager
def measured():
    """Wall time (s) and SQL statements (transaction control left out) of a block.

    Counted by an execute wrapper, not Django's query log, which keeps only the last 9,000.
    """
    figures = {"sql": 0}

    def count(execute, sql, params, many, context):
        if sql not in ("BEGIN", "COMMIT") and not sql.startswith(("SAVEPOINT", "RELEASE SAVEPOINT")):
            figures["sql"] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        started = time.perf_counter()
        yield figures
        figures["s"] = time.perf_counter() - started


def peak_mb(call) -> float:
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


# ---------------------------------------------------------------------------
# 1. CSV export
# ---------------------------------------------------------------------------
def download_csv(client: APIClient, params: dict) -> tuple[int, int]:
    """Bytes and data lines of a streamed CSV download, read block by block as a client does."""
    response = client.get("/api/v1/contact-points/", {**params, "format": "csv"})
    assert response.status_code == 200, response.status_code
    size = lines = 0
    for block in response.streaming_content:
        size += len(block)
        lines += block.count(b"\r\n")
    return size, lines - 1


def walk_pages(client: APIClient, params: dict) -> tuple[int, int]:
    """Bytes and objects of every JSON page of the same list, following `next` links."""
    response = client.get("/api/v1/contact-points/", {**params, "page_size": 100})
    size = objects = 0
    while True:
        assert response.status_code == 200, response.status_code
        size += len(response.content)
        body = response.json()
        objects += len(body["results"])
        if not body["next"]:
            return size, objects
        response = client.get(body["next"])


def bench_export(admin: APIClient) -> None:
    out("\n### CSV export (admin, every visible contact point)\n")
    out(
        "| rows | CSV s | CSV SQL | CSV MB | CSV peak MB (Python) | JSON pages s | JSON pages SQL "
        "| JSON peak MB | CSV / JSON time |"
    )
    out("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for params in ({"channel": "phone"}, {}):
        download_csv(admin, params)  # warm
        with measured() as csv_figures:
            size, rows = download_csv(admin, params)
        with measured() as json_figures:
            _, objects = walk_pages(admin, params)
        assert objects == rows, (objects, rows)
        csv_peak = peak_mb(lambda p=params: download_csv(admin, p))
        json_peak = peak_mb(lambda p=params: walk_pages(admin, p))
        out(
            f"| {rows:,} | {csv_figures['s']:.2f} | {csv_figures['sql']} | {size / 1e6:.1f} | "
            f"{csv_peak:.1f} | "
            f"{json_figures['s']:.2f} | {json_figures['sql']} | {json_peak:.1f} | "
            f"{csv_figures['s'] / json_figures['s']:.2f} |"
        )


# ---------------------------------------------------------------------------
# 2. CSV import
# ---------------------------------------------------------------------------
def import_file(prefix: str, rows: int, *, bad_last: bool = False) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(["external_id", "channel", "value", "label", "languages", "countries"])
    for i in range(rows):
        languages = "xx" if bad_last and i == rows - 1 else "ru, en"
        writer.writerow([f"{prefix}-{i}", "email", f"{prefix}-{i}@example.org", f"Desk {i}", languages, "DE"])
    return text.getvalue().encode()


def post_import(client: APIClient, organization: Organization, data: bytes, dry_run: bool):
    upload = io.BytesIO(data)
    upload.name = "contacts.csv"
    return client.post(
        f"/api/v1/organizations/{organization.pk}/contact-points/import/"
        + ("?dry_run=true" if dry_run else ""),
        {"file": upload},
        format="multipart",
    )


def bench_import(coordinator: APIClient, organization: Organization, rows: int, posts: int) -> None:
    out(f"\n### CSV import ({rows:,} rows, a coordinator of {organization.slug})\n")
    out("| run | answer | s | ms per row | SQL | SQL per row | / one POST per contact (per row) |")
    out("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    before = ContactPoint.objects.count()
    posted = []
    with measured() as reference:
        for i in range(posts):
            response = coordinator.post(
                "/api/v1/contact-points/",
                {
                    "organization": organization.pk,
                    "external_id": f"post-{i}",
                    "channel": "email",
                    "value": f"post-{i}@example.org",
                    "label": f"Desk {i}",
                    "languages": ["ru", "en"],
                    "countries": ["DE"],
                },
                format="json",
            )
            assert response.status_code == 201, response.content
            posted.append(response.json()["id"])
    per_post = reference["s"] / posts
    runs = (
        ("dry run", import_file("dry", rows), True, 200),
        ("real", import_file("real", rows), False, 200),
        ("same file again (all unchanged)", import_file("real", rows), False, 200),
        ("last row refused", import_file("bad", rows, bad_last=True), False, 400),
    )
    for name, data, dry_run, status in runs:
        with measured() as figures:
            response = post_import(coordinator, organization, data, dry_run)
        assert response.status_code == status, response.content[:500]
        per_row = figures["s"] / rows
        out(
            f"| {name} | {status} | {figures['s']:.2f} | {per_row * 1000:.2f} | {figures['sql']:,} | "
            f"{figures['sql'] / rows:.1f} | {per_row / per_post:.2f} |"
        )
    out(
        f"| reference: {posts:,} POSTs | 201 | {reference['s']:.2f} | {per_post * 1000:.2f} | "
        f"{reference['sql']:,} | {reference['sql'] / posts:.1f} | 1.00 |"
    )
    assert ContactPoint.objects.count() == before + posts + rows  # the refused file changed nothing


# ---------------------------------------------------------------------------
# 3. HSDS
# ---------------------------------------------------------------------------
def bench_hsds(clients: dict[str, APIClient], repeat: int) -> None:
    out("\n### HSDS services against the contact-point list, first page\n")
    out("| viewer | HSDS ms | HSDS SQL | HSDS bytes | list ms (reference) | list SQL | HSDS / list |")
    out("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for viewer, client in clients.items():
        calls = {
            "hsds": lambda c=client: c.get("/api/hsds/services"),
            "list": lambda c=client: c.get("/api/v1/contact-points/"),
        }
        sizes, statements = {}, {}
        for name, call in calls.items():
            response = call()
            assert response.status_code == 200, response.content[:300]
            sizes[name] = len(response.content)
            with measured() as figures:
                call()
            statements[name] = figures["sql"]
        hsds_ms, list_ms = interleaved(calls["hsds"], calls["list"], repeat)
        out(
            f"| {viewer} | {hsds_ms:.1f} | {statements['hsds']} | {sizes['hsds']:,} | {list_ms:.1f} | "
            f"{statements['list']} | {hsds_ms / list_ms:.2f} |"
        )


# ---------------------------------------------------------------------------
# 4. Webhooks: drawing up events
# ---------------------------------------------------------------------------
def register(client: APIClient, organization: Organization, url: str) -> dict:
    response = client.post(
        "/api/v1/webhooks/",
        {"organization": organization.pk, "url": url, "event_types": ["contact_point.*", "organization.*"]},
        format="json",
    )
    assert response.status_code == 201, response.content
    return response.json()


def organization_with(contacts: int, index: int) -> Organization:
    organization = Organization.objects.create(
        slug=f"bench-fanout-{index}",
        name=f"Fan-out {index} (example data)",
        countries=["DE"],
        languages=["en"],
        visibility="public",
    )
    ContactPoint.objects.bulk_create(
        ContactPoint(
            organization=organization,
            channel="email",
            value=f"fanout-{index}-{i}@example.org",
            languages=["en"],
            visibility="public",
            is_example=True,
        )
        for i in range(contacts)
    )
    return organization


def bench_fanout(admin: APIClient, network_office: Organization, sizes: list[int]) -> None:
    out("\n### Drawing up events for one endpoint after an organization goes from public to network\n")
    out(
        "| contacts of the organization | feed entries after the cursor | feed entries in all | deliveries "
        "| s | SQL | ms per delivery |"
    )
    out("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    endpoint = WebhookEndpoint.objects.get(
        pk=register(admin, network_office, "http://127.0.0.1:9/hooks")["id"]
    )
    for index, size in enumerate(sizes):
        organization = organization_with(size, index)
        while fanout.draw_up(endpoint.pk):  # the cursor at the head of the feed
            pass
        DBTaskResult.objects.all().delete()
        endpoint.refresh_from_db()
        response = admin.patch(
            f"/api/v1/organizations/{organization.pk}/", {"visibility": "network"}, format="json"
        )
        assert response.status_code == 200, response.content
        waiting = fanout.feed_head() - endpoint.cursor
        delivered = endpoint.deliveries.count()
        with measured() as figures:
            while fanout.draw_up(endpoint.pk):
                pass
        made = endpoint.deliveries.count() - delivered
        out(
            f"| {size:,} | {waiting:,} | {fanout.feed_head():,} | {made:,} | {figures['s']:.3f} | "
            f"{figures['sql']:,} | {figures['s'] * 1000 / max(made, 1):.2f} |"
        )
    endpoint.delete()  # with its deliveries, which no worker is to try
    DBTaskResult.objects.all().delete()


# ---------------------------------------------------------------------------
# A real worker on the throwaway database
# ---------------------------------------------------------------------------
def database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    return f"postgres://{settings['USER']}{password}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"


@contextmanager
def worker(log: Path):
    environ = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "waypoint.settings.test",
        "PYTHONPATH": str(ROOT),  # the no-op job of tests/jobs/tasks.py
        # Connections kept between jobs, as docker-compose.yml runs the worker, unless told otherwise.
        "DATABASE_CONN_MAX_AGE": os.environ.get("DATABASE_CONN_MAX_AGE", "60"),
    }
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "backend" / "manage.py"), "run_worker"],
            env=environ,
            cwd=ROOT,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        time.sleep(3)  # started, and past its start-up delay
        yield process
    except AssertionError:
        out(log.read_text()[-3000:])
        raise
    finally:
        stop(process)


def wait_for(predicate, timeout: float = 60, step: float = 0.005) -> float:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(step)
    return time.perf_counter()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bench_latency(coordinator: APIClient, organization: Organization, writes: int, folder: Path) -> None:
    contact = ContactPoint.objects.filter(organization=organization, status="active").order_by("pk").first()
    with Receiver() as receiver, worker(folder / "worker-latency.log"):
        receiver.secret = register(coordinator, organization, receiver.url)["secret"]
        latencies = []
        for i in range(writes):
            expected = len(receiver.received) + 1
            response = coordinator.patch(
                f"/api/v1/contact-points/{contact.pk}/", {"label": f"Desk {i}"}, format="json"
            )
            answered = time.perf_counter()
            assert response.status_code == 200, response.content
            arrived = wait_for(lambda n=expected: len(receiver.received) >= n)
            latencies.append(arrived - answered)
            time.sleep(0.2)
        events = receiver.events()  # every signature verified
        assert [e["data"]["label"] for e in events[-writes:]] == [f"Desk {i}" for i in range(writes)]
    WebhookEndpoint.objects.update(is_active=False)
    out("\n### From a write to its webhook, verified, through a real worker\n")
    out("| writes | median s | p95 s | max s | worker poll interval s |")
    out("| ---: | ---: | ---: | ---: | ---: |")
    out(
        f"| {writes} | {statistics.median(latencies):.2f} | {percentile(latencies, 0.95):.2f} | "
        f"{max(latencies):.2f} | 1 |"
    )


# ---------------------------------------------------------------------------
# 5. Job queue
# ---------------------------------------------------------------------------
def bench_queue(
    coordinator: APIClient, organization: Organization, jobs: int, repeat: int, folder: Path
) -> None:
    out("\n### Job queue\n")
    DBTaskResult.objects.all().delete()
    with worker(folder / "worker-throughput.log"):
        started = time.perf_counter()
        with transaction.atomic():  # all ready at once: the worker, not the queuing, sets the pace
            for _ in range(jobs):
                nothing.enqueue()
        enqueued = time.perf_counter()
        finished = wait_for(
            lambda: (
                not DBTaskResult.objects.filter(task_path=nothing.module_path)
                .exclude(status="SUCCESSFUL")
                .exists()
            ),
            timeout=600,
            step=0.05,
        )
    done = DBTaskResult.objects.filter(status="SUCCESSFUL", task_path=nothing.module_path)
    assert done.count() == jobs
    span = done.aggregate(first=Min("started_at"), last=Max("finished_at"))
    busy = (span["last"] - span["first"]).total_seconds()
    out(
        f"{jobs:,} no-op jobs enqueued one by one in one transaction in {enqueued - started:.2f} s "
        f"({(enqueued - started) * 1000 / jobs:.2f} ms each); one worker ran them in {busy:.2f} s "
        f"(first start to last finish): {jobs / busy:.0f} jobs/s, {busy * 1000 / jobs:.1f} ms a job; "
        f"all done {finished - started:.2f} s after the first was queued.\n"
    )

    contact = ContactPoint.objects.filter(organization=organization, status="active").order_by("pk").last()
    endpoint = register(coordinator, organization, "http://127.0.0.1:9/hooks")
    counter = iter(range(10**6))

    def write():
        response = coordinator.patch(
            f"/api/v1/contact-points/{contact.pk}/", {"label": f"Line {next(counter)}"}, format="json"
        )
        assert response.status_code == 200, response.content

    def with_endpoint(active: bool):
        WebhookEndpoint.objects.filter(pk=endpoint["id"]).update(is_active=active)
        write()

    with measured() as queued:
        with_endpoint(True)
    with measured() as bare:
        with_endpoint(False)
    queued_ms, bare_ms = interleaved(lambda: with_endpoint(True), lambda: with_endpoint(False), repeat)
    out("| PATCH of a contact point | ms | SQL | ratio |")
    out("| --- | ---: | ---: | ---: |")
    out(f"| no active endpoint: nothing queued (reference) | {bare_ms:.1f} | {bare['sql'] - 1} | 1.00 |")
    out(
        f"| an active endpoint: the webhook job queued | {queued_ms:.1f} | {queued['sql'] - 1} | "
        f"{queued_ms / bare_ms:.2f} |"
    )
    DBTaskResult.objects.all().delete()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organizations", type=int, default=2000)
    parser.add_argument("--contacts", type=int, default=20000)
    parser.add_argument("--import-rows", type=int, default=2000)
    parser.add_argument("--posts", type=int, default=2000, help="Contacts created one POST each (reference).")
    parser.add_argument("--fanout", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--writes", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--only", nargs="+", default=PARTS, choices=PARTS, help="Parts to measure (default: all)."
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="waypoint-bench-") as folder:
        if connection.vendor == "sqlite":  # a file a worker process can open too
            connection.settings_dict.setdefault("TEST", {})["NAME"] = str(Path(folder) / "bench.sqlite3")
        with throwaway_database("bench_exchange"):
            run(args, Path(folder))


def run(args, folder: Path) -> None:
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    started = time.perf_counter()
    create_network(args.contacts, args.organizations)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    out(
        f"{connection.vendor}; demo network + {args.organizations:,} organizations and "
        f"{args.contacts:,} contact points (made in {time.perf_counter() - started:.0f} s); load average "
        + " ".join(f"{x:.1f}" for x in os.getloadavg())
    )
    with override_settings(DEBUG=False):
        measure(args, folder)


def measure(args, folder: Path) -> None:
    admin, member = signed_in("olga"), signed_in("mila")
    alice = signed_in("alice")
    office = Organization.objects.get(slug="network-office")
    if "export" in args.only:
        bench_export(admin)
    if "import" in args.only:
        with override_settings(CSV_IMPORT_MAX_ROWS=args.import_rows):
            bench_import(alice, office, args.import_rows, args.posts)
    if "hsds" in args.only:
        bench_hsds({"anonymous": signed_in(None), "member": member}, args.repeat)
    if "fanout" in args.only:
        bench_fanout(admin, office, args.fanout)
    if "latency" in args.only:
        bench_latency(alice, office, args.writes, folder)
    if "queue" in args.only:
        bench_queue(alice, office, args.jobs, args.repeat, folder)
    out("\nload average at the end: " + " ".join(f"{x:.1f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
