"""Unlock and offline cold start of the PWA in Chromium, on a phone-sized and slowed-down profile.

Not a test: times depend on the machine, so the suite never runs this (pytest collects only
`test_*.py`); docs/benchmarks.md quotes its output. Reproduce with

    cd pwa && npm run build && cd ..
    python tests/browser/bench_lock.py --contacts 20000 --repeat 5

For each network (the demo data, then the demo data plus `--contacts` generated contact
points), the script starts the API on a fresh SQLite database and the built app on a second
port, opens Chromium with a profile folder of its own at 360x640, signs in as the demo member
`mila`, sets a PIN and waits for the full sync; then it closes the browser and cuts the network.
Then, `--repeat` times (after one round that warms the operating system's file cache), a cold
start: a new Chromium process on the same profile, offline, with the CPU slowed fourfold (CDP
`Emulation.setCPUThrottlingRate`), opens the app, which starts locked; the PIN is typed and
"Unlock" pressed. Timed in the page, from the click on "Unlock":

- **unlock**: to the frame in which the unlock screen is gone and the first screen is shown;
- **first contact**: to the frame in which the first contact card is shown.

References measured in the same run and page: a PBKDF2-SHA-256 derivation with the app's
iteration count, timed on the unlock screen just before the PIN is typed (the part of
unlocking that is deliberately slow), and the first contentful paint of the cold start (the
app's own start, before the PIN is asked). `--cpu-profile` adds one profiled cold start and
prints where the main thread spent its time.
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
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    DIST,
    StaticSite,
    fill_sign_in,
    prepare_api,
    running_api,
    serving,
)
from tests.servers import free_port  # noqa: E402

PIN = "493817"
MEMBER = ("mila", "demo-member-pass")
CPU_SLOWDOWN = 4
PBKDF2_ITERATIONS = 600_000  # the app's figure (pwa/src/lib/vault.ts)


# ---------------------------------------------------------------------------
# The API and the app
# ---------------------------------------------------------------------------
@contextmanager
def servers(contacts: int):
    """The API on a fresh database (the demo network plus `contacts` generated contact points of
    `contacts // 10` organizations) and the built app, each on a free port."""
    api_port, pwa_port = free_port(), free_port()
    var_dir = Path(tempfile.mkdtemp(prefix="waypoint-bench-"))
    try:
        env = prepare_api(var_dir, pwa_port, contacts, max(1, contacts // 10))
        with running_api(env, api_port, var_dir) as api:
            site = StaticSite(
                origin=f"http://127.0.0.1:{pwa_port}",
                config={
                    "apiBaseUrl": api.origin,
                    "neutralUrl": f"{api.origin}/healthz",
                    "syncIntervalMinutes": 30,
                },
            )
            with serving(site):
                yield site
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


# ---------------------------------------------------------------------------
# The measurement
# ---------------------------------------------------------------------------
WATCH = """() => {
    const marks = (window.__bench = {});
    const mark = (name) => { if (!(name in marks)) marks[name] = performance.now(); };
    document.addEventListener("click", () => mark("click"), { capture: true, once: true });
    const check = () => {
        if (!("click" in marks)) return;
        const main = document.querySelector("main");
        if (!document.querySelector("[data-testid=unlock-screen]") && main?.textContent?.trim()) {
            requestAnimationFrame(() => mark("screen"));
        }
        if (document.querySelector("[data-testid=contact-card]")) requestAnimationFrame(() => mark("card"));
        // The exact count shows once the whole replica is in memory (the first cards come before it).
        const counted = document.querySelector("[data-testid=result-count]");
        if (counted) requestAnimationFrame(() => mark("complete"));
    };
    const options = { childList: true, subtree: true, characterData: true };
    new MutationObserver(check).observe(document.body, options);
}"""

PBKDF2 = """async (iterations) => {
    const material = await crypto.subtle.importKey(
        "raw", new TextEncoder().encode("493817"), "PBKDF2", false, ["deriveBits"]);
    const start = performance.now();
    await crypto.subtle.deriveBits(
        { name: "PBKDF2", hash: "SHA-256", salt: crypto.getRandomValues(new Uint8Array(16)), iterations },
        material, 256);
    return performance.now() - start;
}"""


def until(page, expression: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(expression)
        time.sleep(0.05)


def sign_in_and_sync(page, site: StaticSite) -> None:
    """Signs in with a PIN and waits for the member's full sync (not the anonymous one before it)."""
    from playwright.sync_api import expect

    page.goto(site.origin + "/")
    until(page, "navigator.serviceWorker.controller !== null", 60)
    status = page.get_by_test_id("synced-at")
    expect(status).to_have_text(re.compile(r"^Updated "), timeout=300_000)
    anonymous = status.get_attribute("title")
    fill_sign_in(page, *MEMBER, PIN)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_test_id("signed-in")).to_be_visible(timeout=60_000)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Find help").click()
    expect(status).not_to_have_attribute("title", anonymous or "", timeout=600_000)
    expect(status).to_have_text(re.compile(r"^Updated "), timeout=600_000)
    page.wait_for_load_state("networkidle")


def launch(playwright, profile: Path):
    context = playwright.chromium.launch_persistent_context(
        profile,
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        headless=True,
        viewport={"width": 360, "height": 640},
        locale="en-US",
        service_workers="allow",
    )
    context.set_default_timeout(30_000)
    return context, context.pages[0] if context.pages else context.new_page()


def cold_start(playwright, profile: Path, site: StaticSite, cpu_profile: bool = False, measure=None) -> dict:
    """A new browser process on the same profile, offline, CPU slowed: PIN typed, unlock pressed.

    `measure(page, cdp, moment)`, if given, is called on the unlock screen ("locked") and once
    the first card is shown ("open"); what it returns is added to the result under `moment`.
    """
    from playwright.sync_api import expect

    context, page = launch(playwright, profile)
    try:
        context.set_offline(True)
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.goto(site.origin + "/")
        screen = page.get_by_test_id("unlock-screen")
        expect(screen).to_be_visible(timeout=60_000)
        pbkdf2 = page.evaluate(PBKDF2, PBKDF2_ITERATIONS)
        extra = {"locked": measure(page, cdp, "locked")} if measure else {}
        page.evaluate(WATCH)
        screen.get_by_test_id("unlock-pin").fill(PIN)
        if cpu_profile:
            cdp.send("Profiler.enable")
            cdp.send("Profiler.setSamplingInterval", {"interval": 1000})
            cdp.send("Profiler.start")
        screen.get_by_test_id("unlock-submit").click()
        try:
            until(page, "window.__bench && 'screen' in window.__bench && 'card' in window.__bench", 120)
        except TimeoutError:
            page.screenshot(path=str(profile.parent / "bench-timeout.png"))
            marks = page.evaluate("window.__bench")
            print("timed out:", marks, page.inner_text("body")[:500], file=sys.stderr)
            raise
        marks = page.evaluate("window.__bench")
        top = self_times(cdp.send("Profiler.stop")["profile"]) if cpu_profile else []
        if measure:
            extra["open"] = measure(page, cdp, "open")
            marks = page.evaluate("window.__bench")  # with the marks set meanwhile ("complete")
        fcp = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN")
    finally:
        context.close()
    return {
        "unlock": marks["screen"] - marks["click"],
        "card": marks["card"] - marks["click"],
        "complete": marks["complete"] - marks["click"] if "complete" in marks else float("nan"),
        "fcp": fcp,
        "pbkdf2": pbkdf2,
        "profile": top,
        **extra,
    }


def self_times(profile: dict, top: int = 15) -> list[tuple[str, float]]:
    """Where the main thread spent its time, in ms: per kind ("(program)" is the browser's own work
    such as style and layout), then self time per function (CDP CPU profile)."""
    frames = {node["id"]: node["callFrame"] for node in profile["nodes"]}
    totals: dict[str, float] = {}
    for node, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        frame = frames[node]
        name = f"{frame['functionName'] or '(anonymous)'} {Path(frame['url']).name}:{frame['lineNumber'] + 1}"
        totals[name] = totals.get(name, 0.0) + delta / 1000
    kinds: dict[str, float] = {}
    for name, ms in totals.items():
        native = name.startswith("(") and not name.startswith("(anonymous)")
        kind = name[: name.index(")") + 1] if native else "JavaScript"
        kinds[f"all {kind}"] = kinds.get(f"all {kind}", 0.0) + ms
    by_time = sorted(totals.items(), key=lambda item: -item[1])
    return sorted(kinds.items(), key=lambda item: -item[1]) + by_time[:top]


def run(contacts: int, repeat: int, cpu_profile: bool = False) -> dict:
    from playwright.sync_api import sync_playwright

    with servers(contacts) as site, sync_playwright() as playwright:
        profile = Path(tempfile.mkdtemp(prefix="waypoint-bench-profile-"))
        try:
            context, page = launch(playwright, profile)
            started = time.monotonic()
            sign_in_and_sync(page, site)
            sync_s = time.monotonic() - started
            cards = page.locator("[data-testid=contact-card]").count()
            context.close()
            site.offline = True  # from here on only the service worker's caches serve the app
            rounds = [cold_start(playwright, profile, site) for _ in range(repeat + 1)][1:]  # 1st warms up
            where = cold_start(playwright, profile, site, cpu_profile=True)["profile"] if cpu_profile else []
        finally:
            shutil.rmtree(profile, ignore_errors=True)
    figures = {name: [r[name] for r in rounds] for name in ("unlock", "card", "fcp", "pbkdf2")}
    return {
        "contacts": contacts,
        "sign_in_and_sync_s": sync_s,
        "cards_on_first_screen": cards,
        **figures,
        "cpu_profile": where,
    }


def report(results: list[dict]) -> None:
    def ms(values):
        return f"{statistics.median(values):,.0f} ({min(values):,.0f}–{max(values):,.0f})"

    print(
        "| network | unlock ms | first contact ms | / 1 s target | PBKDF2 ms (reference) "
        "| unlock / PBKDF2 | first paint of the cold start ms (reference) |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for result in results:
        name = "demo" if not result["contacts"] else f"demo + {result['contacts']:,} contacts"
        unlock, card, pbkdf2 = (statistics.median(result[k]) for k in ("unlock", "card", "pbkdf2"))
        print(
            f"| {name} | {ms(result['unlock'])} | {ms(result['card'])} | {card / 1000:.2f} "
            f"| {ms(result['pbkdf2'])} | {unlock / pbkdf2:.2f} | {ms(result['fcp'])} |"
        )
    print()
    print(json.dumps(results, indent=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--contacts", type=int, default=20_000, help="generated contact points (0: demo only)"
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--cpu-profile", action="store_true", help="one more cold start, profiled: where time goes"
    )
    args = parser.parse_args()
    if not (DIST / "index.html").is_file():
        sys.exit("The PWA is not built: run `npm run build` in pwa/ first.")
    results = [run(0, args.repeat, args.cpu_profile)]
    if args.contacts:
        results.append(run(args.contacts, args.repeat, args.cpu_profile))
    report(results)


if __name__ == "__main__":
    main()
