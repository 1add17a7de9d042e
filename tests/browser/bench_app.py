"""Every figure of the app at the size of a real network, in one run, in Chromium on a
phone-sized screen (360x640) with the CPU slowed fourfold.

Not a test: times depend on the machine, so the suite never runs this (pytest collects only
`test_*.py`); docs/benchmarks.md quotes its output. Reproduce with

    cd pwa && npm run build && cd ..
    python tests/browser/bench_app.py --contacts 27400 --repeat 3

The API runs on a fresh SQLite database with the demo data plus `--contacts` generated
contact points of `--contacts / 10` organizations (`manage.py generate_network`); 27,400 make
the demo member `mila` see about 20,000 contacts. The built app is served from a second
port. In order, each with the reference it is compared with, measured in the same run:

1. **First visit** on an emulated slow link (CDP `Network.emulateNetworkConditions`:
   1.6 Mbit/s down, 750 kbit/s up, 150 ms latency): a fresh profile opens the app; from the
   start of navigation to the frame that shows the first contact card, and to the end of the
   anonymous snapshot. References: the first contentful paint of that visit, and the same
   snapshot fetched by a bare `fetch()` loop in a page on the same link (no decoding, storing
   or rendering).
2. **Full member sync** on loopback: `mila` signs in (setting a PIN); from the frame in which
   the app says she is signed in to the one in which the status says "Updated" again, the
   whole member snapshot having replaced the anonymous one. Reference: the same snapshot
   fetched page by page (5,000 items each) by a bare HTTP client, timed here.
3. **Offline cold starts** (`--repeat`, after one warm-up; see bench_lock.py): from the click
   on "Unlock" to the frame with the first card; references a PBKDF2 derivation with the
   app's iterations and the cold start's first paint. Then, in the same page, offline:
   - **filter changes**: the country filter of "Find help" set to each of `COUNTRIES` in
     turn, from the change event to the frame that shows the last DOM change it caused;
   - **keystrokes**: `KEYSTROKES` typed into Search one character at a time, each from the
     input event to the frame with the last DOM change it caused; reference for both: one
     empty frame (a `requestAnimationFrame` round trip) in the same page;
   - **DOM nodes**: the largest number of elements in the document on "Find help" (after
     three "show more") and on Search; reference: the elements a list holding every match
     would have (elements per card times the count shown);
   - **JS heap** used after a forced garbage collection (CDP `HeapProfiler.collectGarbage`,
     `Runtime.getHeapUsage`) at the end; reference: the same on the unlock screen before
     the PIN, where the app holds no record.
"""

# ruff: noqa: RUF001 (en dashes in the printed ranges)
from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.browser.bench_lock import (  # noqa: E402
    CPU_SLOWDOWN,
    MEMBER,
    PIN,
    cold_start,
    launch,
    servers,
    until,
)
from tests.browser.conftest import DIST, fill_sign_in  # noqa: E402

COUNTRIES = ["GE", "DE", "AM", "LT", "FI", ""]
KEYSTROKES = "asylum"
SLOW_LINK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1_600_000 / 8,
    "uploadThroughput": 750_000 / 8,
}
CARD = "[data-testid=contact-card]"

# Marks, in ms since the start of navigation: the first contact card, and the first
# "Updated" status after it (the snapshot complete); whether the screen said it was loading
# (and never "no contacts") when the first card showed.
FIRST_VISIT = """(() => {
    const marks = (window.__bench = {});
    const check = () => {
        const card = document.querySelector("[data-testid=contact-card]");
        if (card && !("card" in marks)) {
            marks.loadingShown = !!document.querySelector("[data-testid=loading]");
            marks.emptyShown = document.body.innerText.includes("No contacts on this device");
            requestAnimationFrame(() => { marks.card = performance.now(); });
        }
        const status = document.querySelector("[data-testid=synced-at]")?.textContent ?? "";
        if ("card" in marks && status.startsWith("Updated") && !("complete" in marks)) {
            requestAnimationFrame(() => { marks.complete = performance.now(); });
        }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
})()"""

RAW_SNAPSHOT = """async ([api, limit]) => {
    const start = performance.now();
    let cursor = null;
    for (;;) {
        const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
        const page = JSON.parse(await (await fetch(`${api}/api/v1/sync/?${query}`)).text());
        if (!page.has_more) return performance.now() - start;
        cursor = page.cursor;
    }
}"""

# Marks the frame in which the app says the member is signed in, then the first "Updated"
# status with a new time after it: the member's snapshot is complete.
MEMBER_SYNC = """() => {
    const marks = (window.__bench = {});
    const status = () => document.querySelector("[data-testid=synced-at]");
    const before = status()?.title;
    const check = () => {
        if (!("signedIn" in marks) && document.querySelector("[data-testid=signed-in]")) {
            marks.signingIn = true;
            requestAnimationFrame(() => { marks.signedIn = performance.now(); });
        }
        const now = status();
        if (marks.signingIn && !("synced" in marks) && now && now.title !== before
            && now.textContent.startsWith("Updated")) {
            requestAnimationFrame(() => { marks.synced = performance.now(); });
        }
    };
    new MutationObserver(check).observe(document.body,
        { childList: true, subtree: true, characterData: true, attributes: true });
}"""

# Runs `act`, then waits until the DOM under <main> has been quiet for 500 ms; returns the
# time from `act` to the first frame after its last DOM change (NaN if nothing changed).
SETTLE = """
const settle = (act) => new Promise((resolve) => {
    let changed = null, shown = null;
    const observer = new MutationObserver(() => { changed = performance.now(); shown = null; });
    observer.observe(document.querySelector("main"),
        { childList: true, subtree: true, characterData: true, attributes: true });
    const start = performance.now();
    act();
    const frame = () => {
        const now = performance.now();
        if (changed !== null && shown === null) shown = now;
        if (now - start > 20000 || (changed !== null && now - changed > 500)) {
            observer.disconnect();
            resolve(shown === null ? NaN : shown - start);
        } else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
});"""

FILTER = (
    "async (code) => {"
    + SETTLE
    + """
    return settle(() => {
        const select = document.querySelector("#f-country");
        select.value = code;
        select.dispatchEvent(new Event("change", { bubbles: true }));
    });
}"""
)

KEYSTROKE = (
    "async (text) => {"
    + SETTLE
    + """
    return settle(() => {
        const input = document.querySelector("input#q");
        input.value = text;
        input.dispatchEvent(new Event("input", { bubbles: true }));
    });
}"""
)

FRAME = """async () => {
    const start = performance.now();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    return performance.now() - start;
}"""

NODES = "document.getElementsByTagName('*').length"
UNWINDOWED = """() => {
    const card = document.querySelector("[data-testid=contact-card]");
    const count = Number(document.querySelector("[data-testid=result-count]")?.dataset.count ?? 0);
    return card ? (card.getElementsByTagName("*").length + 1) * count : 0;
}"""


def heap_mb(cdp) -> float:
    cdp.send("HeapProfiler.collectGarbage")
    return cdp.send("Runtime.getHeapUsage")["usedSize"] / 1e6


def measure_screens(page, cdp, moment: str) -> dict:
    """On the unlock screen: the heap. With the first card shown: every screen figure."""
    if moment == "locked":
        return {"heap_mb": heap_mb(cdp)}
    nav = page.get_by_role("navigation", name="Main")
    # Filters and keystrokes are measured on the whole replica: wait for the exact count.
    page.wait_for_selector("[data-testid=result-count]", timeout=120_000)
    frames = [page.evaluate(FRAME) for _ in range(5)]
    filters = [page.evaluate(FILTER, code) for code in COUNTRIES]
    page.wait_for_selector(CARD)
    for _ in range(3):
        page.get_by_test_id("show-more").click()
    nodes = {"find help": page.evaluate(NODES)}
    unwindowed = page.evaluate(UNWINDOWED)
    nav.get_by_role("link", name="Search").click()
    page.wait_for_selector("input#q")
    keys = [page.evaluate(KEYSTROKE, KEYSTROKES[: n + 1]) for n in range(len(KEYSTROKES))]
    nodes["search"] = page.evaluate(NODES)
    matches = int(page.locator("[data-testid=result-count]").get_attribute("data-count") or 0)
    nav.get_by_role("link", name="Find help").click()
    page.wait_for_selector(CARD)
    return {
        "frame_ms": frames,
        "filter_ms": filters,
        "keystroke_ms": keys,
        "search_matches": matches,
        "nodes": nodes,
        "unwindowed_nodes": unwindowed,
        "heap_mb": heap_mb(cdp),
    }


def first_visit(playwright, site, profile: Path) -> dict:
    """A fresh profile opens the app on the slow link: first card, snapshot complete, first paint."""
    context, page = launch(playwright, profile)
    try:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_LINK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.add_init_script(FIRST_VISIT)
        page.goto(site.origin + "/")
        until(page, "window.__bench && 'complete' in window.__bench", 600)
        marks = page.evaluate("window.__bench")
        fcp = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN")
        # The reference: the same snapshot by a bare fetch loop, on the same link, same page.
        raw = page.evaluate(RAW_SNAPSHOT, [site.config["apiBaseUrl"], 1000])
    finally:
        context.close()
    return {**marks, "fcp": fcp, "raw_snapshot_ms": raw}


def raw_member_snapshot(api: str) -> float:
    """The member's full snapshot by a bare HTTP client, 5,000 items a page, in seconds."""
    request = urllib.request.Request(
        f"{api}/api/v1/auth/token/",
        data=json.dumps({"username": MEMBER[0], "password": MEMBER[1]}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        token = json.loads(response.read())["access"]
    started, cursor = time.monotonic(), None
    while True:
        query = "limit=5000" + (f"&cursor={cursor}" if cursor else "")
        request = urllib.request.Request(
            f"{api}/api/v1/sync/?{query}", headers={"Authorization": f"Bearer {token}"}
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            page = json.loads(response.read())
        if not page["has_more"]:
            return time.monotonic() - started
        cursor = page["cursor"]


def member_sync(playwright, site, profile: Path) -> dict:
    """Signs `mila` in on the profile the first visit left, CPU slowed; times her full sync."""
    context, page = launch(playwright, profile)
    try:
        page.goto(site.origin + "/")
        until(page, "navigator.serviceWorker.controller !== null", 60)
        from playwright.sync_api import expect

        expect(page.get_by_test_id("synced-at")).to_have_text(re.compile(r"^Updated "), timeout=300_000)
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        fill_sign_in(page, *MEMBER, PIN)
        page.evaluate(MEMBER_SYNC)
        page.get_by_role("button", name="Sign in").click()
        until(page, "window.__bench && 'synced' in window.__bench", 600)
        marks = page.evaluate("window.__bench")
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Find help").click()
        page.wait_for_selector(CARD)
        contacts = int(page.locator("[data-testid=result-count]").get_attribute("data-count") or 0)
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    return {"sync_ms": marks["synced"] - marks["signedIn"], "member_contacts": contacts}


def run(contacts: int, repeat: int) -> dict:
    from playwright.sync_api import sync_playwright

    with servers(contacts) as site, sync_playwright() as playwright:
        profile = Path(tempfile.mkdtemp(prefix="waypoint-bench-profile-"))
        try:
            visit = first_visit(playwright, site, profile)
            raw_s = raw_member_snapshot(site.config["apiBaseUrl"])
            sync = member_sync(playwright, site, profile)
            site.offline = True  # from here on only the service worker's caches serve the app
            rounds = [
                cold_start(playwright, profile, site, measure=measure_screens) for _ in range(repeat + 1)
            ][1:]
        finally:
            shutil.rmtree(profile, ignore_errors=True)
    return {
        "contacts": contacts,
        "first_visit": visit,
        "raw_member_snapshot_s": raw_s,
        **sync,
        "rounds": rounds,
    }


def spread(values: list[float], unit: float = 1, digits: int = 0) -> str:
    values = [v / unit for v in values if v == v]  # NaN: nothing changed on screen
    if not values:
        return "–"
    return f"{statistics.median(values):,.{digits}f} ({min(values):,.{digits}f}–{max(values):,.{digits}f})"


def report(result: dict) -> None:
    rounds = result["rounds"]
    visit = result["first_visit"]
    opened = [r["open"] for r in rounds]
    cards = [r["card"] for r in rounds]
    frames = [ms for o in opened for ms in o["frame_ms"]]
    filters = [ms for o in opened for ms in o["filter_ms"]]
    keys = [ms for o in opened for ms in o["keystroke_ms"]]
    nodes = max(max(o["nodes"].values()) for o in opened)
    unwindowed = statistics.median(o["unwindowed_nodes"] for o in opened)
    heap = statistics.median(o["heap_mb"] for o in opened)
    heap_locked = statistics.median(r["locked"]["heap_mb"] for r in rounds)
    frame = statistics.median(frames)
    sync_s = result["sync_ms"] / 1000
    print(
        f"The member sees {result['member_contacts']:,} contacts. "
        f"Medians (range) over {len(rounds)} cold starts."
    )
    print()
    print("| figure | measured | target | met | reference (same run) | reference | measured / reference |")
    print("| --- | ---: | ---: | :---: | --- | ---: | ---: |")

    def row(name, shown, value, target, ref_name, ref_shown, ref_value):
        met = "yes" if value <= target else "**no**"
        ratio = f"{value / ref_value:.1f}" if ref_value else "–"
        print(f"| {name} | {shown} | {target:,g} | {met} | {ref_name} | {ref_shown} | {ratio} |")

    pbkdf2 = [r["pbkdf2"] for r in rounds]
    row(
        "offline cold start to first card, ms",
        spread(cards),
        statistics.median(cards),
        1000,
        "PBKDF2, 600,000 iterations, ms",
        spread(pbkdf2),
        statistics.median(pbkdf2),
    )
    row(
        "filter change to its frame, ms",
        spread(filters),
        max(filters),
        100,
        "one empty frame, ms",
        spread(frames),
        frame,
    )
    row(
        "keystroke to results, ms",
        spread(keys),
        max(keys),
        50,
        "one empty frame, ms",
        spread(frames),
        frame,
    )
    row(
        "JS heap after GC, MB",
        f"{heap:.1f}",
        heap,
        80,
        "heap on the unlock screen, MB",
        f"{heap_locked:.1f}",
        heap_locked,
    )
    row(
        "most DOM elements (Find help, Search)",
        f"{nodes:,}",
        nodes,
        3000,
        "elements of a list of every match",
        f"{unwindowed:,.0f}",
        unwindowed,
    )
    row(
        "full member sync on loopback, s",
        f"{sync_s:.2f}",
        sync_s,
        5,
        "same snapshot by a bare HTTP client, s",
        f"{result['raw_member_snapshot_s']:.2f}",
        result["raw_member_snapshot_s"],
    )
    row(
        "first visit, first card (1.6 Mbit/s, 150 ms), s",
        f"{visit['card'] / 1000:.2f}",
        visit["card"] / 1000,
        5,
        "same snapshot by a bare fetch loop, s",
        f"{visit['raw_snapshot_ms'] / 1000:.2f}",
        visit["raw_snapshot_ms"] / 1000,
    )
    print()
    print(
        f"First visit: first paint {visit['fcp'] / 1000:.2f} s, snapshot complete in the app "
        f"{visit['complete'] / 1000:.2f} s; when the first card showed, the screen said it was "
        f"loading: {visit['loadingShown']}, said there were no contacts: {visit['emptyShown']}. "
        f"Cold start first paint {spread([r['fcp'] for r in rounds])} ms, whole replica in memory "
        f"(exact count shown) {spread([r['complete'] for r in rounds])} ms after the click. "
        f"Search matches for {KEYSTROKES!r}: {opened[0]['search_matches']:,}."
    )
    print()
    print(json.dumps(result, indent=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=27_400, help="generated contact points")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not (DIST / "index.html").is_file():
        sys.exit("The PWA is not built: run `npm run build` in pwa/ first.")
    report(run(args.contacts, args.repeat))


if __name__ == "__main__":
    main()
