"""Mixed read and write load on the production stack, as docs/benchmarks.md reports it.

    make bench-load                                   # the figures in docs/benchmarks.md
    make bench-load BENCH_ARGS="--seconds 3 --concurrency 4 --contacts 0"   # a quick try

Starts the stack as `make prod-smoke` does (nginx from deploy/nginx/*.template in front of
gunicorn with the production settings, PostgreSQL and Redis of its own, all on loopback),
loads the demo network plus a generated one, signs in the demo coordinators, then, for each
concurrency, lets that many clients send requests back to back for a fixed time: lists of
organizations and contact points, an organization, a search, and new contact points of the
coordinator's own organization. Prints a Markdown table: requests per second, median and
99th percentile latency, and errors (any status not 2xx; 5xx counted apart); throughput
and median also as ratios to one client alone, measured first in the same run.

Bounded: loopback only, a fixed time per step, one connection per client.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
import uuid
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.servers import gunicorn, manage, nginx, postgres, production_env, redis

COORDINATORS = {
    "alice": "demo-coordinator-pass",
    "boris": "demo-coordinator-pass",
    "nino": "demo-coordinator-pass",
}


@dataclass
class Client:
    token: str
    organization: int
    organizations: list[int]


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    server_errors: int = 0
    refused: Counter = field(default_factory=Counter)  # the status of every answer that is not 2xx


async def one_request(http: httpx.AsyncClient, client: Client, rng: random.Random) -> httpx.Response:
    headers = {"Authorization": f"Bearer {client.token}"}
    roll = rng.random()
    if roll < 0.35:
        return await http.get("/api/v1/organizations/", headers=headers)
    if roll < 0.55:
        return await http.get("/api/v1/contact-points/", headers=headers)
    if roll < 0.70:
        return await http.get(f"/api/v1/organizations/{rng.choice(client.organizations)}/", headers=headers)
    if roll < 0.80:
        return await http.get(
            "/api/v1/search/", params={"q": rng.choice(["asylum", "telegram", "law"])}, headers=headers
        )
    body = {
        "organization": client.organization,
        "channel": "email",
        # Unique across steps too: each step's workers start from the same seeds.
        "value": f"load-{uuid.uuid4().hex}@example.org",
        "label": "Load test",
        "languages": ["en"],
    }
    return await http.post("/api/v1/contact-points/", json=body, headers=headers)


async def run_step(origin: str, clients: list[Client], concurrency: int, seconds: float) -> Tally:
    tally = Tally()
    deadline = time.monotonic() + seconds

    async def worker(number: int) -> None:
        rng = random.Random(number)
        client = clients[number % len(clients)]
        async with httpx.AsyncClient(base_url=origin, timeout=30, headers={"Host": "localhost"}) as http:
            while time.monotonic() < deadline:
                started = time.perf_counter()
                try:
                    response = await one_request(http, client, rng)
                    status = response.status_code
                except httpx.HTTPError:
                    status = 599
                tally.latencies.append(time.perf_counter() - started)
                if not 200 <= status < 300:
                    tally.errors += 1
                    tally.server_errors += status >= 500
                    tally.refused[status] += 1

    await asyncio.gather(*(worker(number) for number in range(concurrency)))
    return tally


def sign_in(origin: str) -> list[Client]:
    clients = []
    with httpx.Client(base_url=origin, timeout=30, headers={"Host": "localhost"}) as http:
        for username, password in COORDINATORS.items():
            tokens = http.post(
                "/api/v1/auth/token/", json={"username": username, "password": password}
            ).json()
            headers = {"Authorization": f"Bearer {tokens['access']}"}
            mine = http.get("/api/v1/me/", headers=headers).json()
            organization = next(m["organization"] for m in mine["memberships"] if m["role"] == "coordinator")
            listed = http.get("/api/v1/organizations/", headers=headers).json()["results"]
            clients.append(Client(tokens["access"], organization, [o["id"] for o in listed]))
    return clients


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--concurrency", type=int, nargs="+", default=[8, 32, 64])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (WEB_CONCURRENCY)")
    parser.add_argument(
        "--contacts", type=int, default=20_000, help="generated contact points besides the demo"
    )
    args = parser.parse_args()

    with ExitStack() as stack:
        var_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="waypoint-load-")))
        database = stack.enter_context(postgres())
        cache = stack.enter_context(redis())
        environ = production_env(
            var_dir, DATABASE_URL=database.create_database("waypoint"), REDIS_URL=cache.url
        )
        manage(environ, "collectstatic", "--noinput")
        manage(environ, "migrate", "--noinput")
        manage(environ, "load_demo", "--allow-production")
        if args.contacts:
            manage(
                environ,
                "generate_network",
                f"--contacts={args.contacts}",
                f"--organizations={args.contacts // 10}",
            )
        backend = stack.enter_context(gunicorn(environ, var_dir / "gunicorn.log", workers=args.workers))
        origin = stack.enter_context(nginx(backend))
        clients = sign_in(origin)

        print(
            f"gunicorn workers: {args.workers}; {args.seconds:g} s a step; {args.contacts} generated contacts"
        )
        # The reference, measured in the same run: one client alone.
        alone = asyncio.run(run_step(origin, clients, 1, args.seconds))
        alone_rate, alone_p50 = len(alone.latencies) / args.seconds, percentile(alone.latencies, 0.5)
        print(
            "| concurrency | requests | req/s | ÷ 1 client | p50 ms | ÷ 1 client | p99 ms | errors (5xx) "
            "| not 2xx by status |"
        )
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        for concurrency in [1, *args.concurrency]:
            tally = (
                alone
                if concurrency == 1
                else asyncio.run(run_step(origin, clients, concurrency, args.seconds))
            )
            rate = len(tally.latencies) / args.seconds
            p50, p99 = (percentile(tally.latencies, q) for q in (0.5, 0.99))
            print(
                f"| {concurrency} | {len(tally.latencies)} | {rate:.1f} | {rate / alone_rate:.2f} "
                f"| {p50 * 1000:.0f} | {p50 / alone_p50:.2f} | {p99 * 1000:.0f} "
                f"| {tally.errors} ({tally.server_errors}) "
                f"| {', '.join(f'{code}: {n}' for code, n in sorted(tally.refused.items())) or '-'} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
