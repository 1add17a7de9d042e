"""Is `/healthz` still answered while many devices sync from scratch? A bounded load on loopback.

    python tests/sync/bench_snapshots.py --origin http://127.0.0.1:8000 --username mila \
        --password demo-member-pass --clients 12

Signs in once, then `--clients` threads each fetch a full snapshot (every page, with gzip, as
the app does; a 429 is waited out for its `Retry-After`, as the app does), while a probe asks
`/healthz` every `--probe-every` seconds. The reference is the same probe on the idle server,
measured first in the same run. Stops after `--max-seconds` whatever happens. Prints a
Markdown table: `/healthz` p50, p99 and max (idle, under load, the ratio), snapshot seconds
per client, and how the snapshot pages were answered.
"""

import argparse
import gzip
import json
import statistics
import threading
import time
import urllib.error
import urllib.request
from collections import Counter

SYNC = "/api/v1/sync/"


def fetch(origin: str, path: str, token: str | None = None, body: dict | None = None, timeout: float = 60):
    """(status, headers, body bytes) of one request; errors are answers too."""
    headers = {"Accept-Encoding": "gzip", "Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(origin + path, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def probe(origin: str, every: float, until: threading.Event, deadline: float) -> list[float]:
    times = []
    while not until.is_set() and time.monotonic() < deadline:
        started = time.perf_counter()
        fetch(origin, "/healthz", timeout=30)
        times.append((time.perf_counter() - started) * 1000)
        until.wait(every)
    return times


def snapshot(origin: str, token: str, deadline: float, answers: Counter) -> float:
    """Seconds to fetch every page of a full snapshot, waiting out 429s."""
    started, cursor = time.perf_counter(), None
    while time.monotonic() < deadline:
        path = SYNC + (f"?cursor={cursor}" if cursor else "")
        status, headers, raw = fetch(origin, path, token)
        answers[status] += 1
        if status == 429:
            time.sleep(int(headers.get("Retry-After", "1")))
            continue
        if status != 200:
            break
        page = json.loads(gzip.decompress(raw) if headers.get("Content-Encoding") == "gzip" else raw)
        if not page["has_more"]:
            break
        cursor = page["cursor"]
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--origin", default="http://127.0.0.1:8000")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--clients", type=int, default=12)
    parser.add_argument("--probe-every", type=float, default=0.1)
    parser.add_argument("--idle-seconds", type=float, default=3)
    parser.add_argument("--max-seconds", type=float, default=180)
    args = parser.parse_args()

    status, _, raw = fetch(
        args.origin, "/api/v1/auth/token/", body={"username": args.username, "password": args.password}
    )
    assert status == 200, raw
    token = json.loads(raw)["access"]

    idle_stop = threading.Event()
    threading.Timer(args.idle_seconds, idle_stop.set).start()
    idle = probe(args.origin, args.probe_every, idle_stop, time.monotonic() + args.idle_seconds + 5)

    deadline = time.monotonic() + args.max_seconds
    answers: Counter = Counter()
    seconds: list[float] = []
    done = threading.Event()
    loaded: list[float] = []
    prober = threading.Thread(
        target=lambda: loaded.extend(probe(args.origin, args.probe_every, done, deadline))
    )
    prober.start()

    def client() -> None:
        seconds.append(snapshot(args.origin, token, deadline, answers))

    clients = [threading.Thread(target=client) for _ in range(args.clients)]
    for thread in clients:
        thread.start()
    for thread in clients:
        thread.join(args.max_seconds + 30)
    done.set()
    prober.join(60)

    print(f"| {args.clients} parallel snapshots | idle | under load | load / idle |")
    print("| --- | --- | --- | --- |")
    for name, share in (("/healthz p50 ms", 0.5), ("/healthz p99 ms", 0.99), ("/healthz max ms", 1.0)):
        a, b = percentile(idle, share), percentile(loaded, share)
        print(f"| {name} | {a:.1f} | {b:.1f} | {b / a:.1f} |")
    print()
    print(f"/healthz probes: {len(idle)} idle, {len(loaded)} under load")
    print(f"snapshot s per client: median {statistics.median(seconds):.2f}, max {max(seconds):.2f}")
    print("snapshot page answers: " + ", ".join(f"{code}: {n}" for code, n in sorted(answers.items())))


if __name__ == "__main__":
    main()
