"""How fast the capture page opens with no signal on a mid-range phone, and whether Chromium
finds Heard installable.

Starts Heard with its demo (`python -m heard.cli run`, waitress, SQLite) on a fresh data folder,
signs in as the demo volunteer in Debian's Chromium (a persistent profile: installability is
not checked in an incognito one), lets the service worker keep the capture page, then:

1. asks Chromium's DevTools protocol for installability errors (`Page.getInstallabilityErrors`,
   what Lighthouse's installable audit reads) and for the manifest it parsed;
2. slows the CPU 4x (`Emulation.setCPUThrottlingRate`, Lighthouse's mobile profile), and loads
   the capture page ROUNDS times with signal and ROUNDS times with none (Chromium's offline
   mode), alternating, reading the Navigation Timing entry: the page is usable at
   DOMContentLoaded (its script runs at the end of the body) and finished at the load event.

    .venv/bin/python benchmarks/offline_capture/run.py [--rounds 30] [--port 8131]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
TIMING = """() => {
  const [n] = performance.getEntriesByType("navigation");
  return {ready: n.domContentLoadedEventEnd, loaded: n.loadEventEnd, worker: n.workerStart > 0};
}"""


def serve(port: int, data: str) -> subprocess.Popen:
    env = {**os.environ, "HEARD_DATA_DIR": data, "PORT": str(port), "DATABASE_URL": ""}
    server = subprocess.Popen(
        [sys.executable, "-m", "heard.cli", "run"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    for _ in range(240):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=2)
            return server
        except OSError:
            time.sleep(1)
    server.kill()
    raise SystemExit("Heard did not start")


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--port", type=int, default=8131)
    options = parser.parse_args()
    data = tempfile.mkdtemp(prefix="heard-offline-bench-")
    profile = tempfile.mkdtemp(prefix="heard-offline-profile-")
    server = serve(options.port, data)
    base = f"http://127.0.0.1:{options.port}"
    try:
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(
                profile,
                executable_path="/usr/bin/chromium",
                args=ARGS,
                viewport={"width": 390, "height": 844},
                is_mobile=True,
                has_touch=True,
            )
            page = context.pages[0] if context.pages else context.new_page()
            page.goto(f"{base}/login/")
            page.fill("#id_username", "volunteer")
            page.fill("#id_password", "listen-first")
            page.click("form button.primary")
            page.wait_for_load_state()
            page.goto(f"{base}/conversations/new/")
            page.evaluate("navigator.serviceWorker.ready")
            page.reload()
            page.wait_for_function(
                """caches.open("heard-private").then((c) => c.keys())
                     .then((k) => k.some((r) => r.url.endsWith("/people/turf.json")))"""
            )
            cdp = context.new_cdp_session(page)
            errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
            manifest = cdp.send("Page.getAppManifest")
            controlled = page.evaluate("Boolean(navigator.serviceWorker.controller)")
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            runs = {"with signal": [], "no signal": []}
            for _ in range(options.rounds):
                for label, offline in (("with signal", False), ("no signal", True)):
                    context.set_offline(offline)
                    page.goto(f"{base}/conversations/new/", wait_until="load")
                    timing = page.evaluate(TIMING)
                    assert timing["worker"], "the page was not served through the worker"
                    runs[label].append(timing)
            context.set_offline(False)
            context.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(data, ignore_errors=True)
        shutil.rmtree(profile, ignore_errors=True)

    print(f"installability errors: {errors or 'none'}")
    print(f"manifest parsed: {manifest.get('url')}, errors: {manifest.get('errors') or 'none'}")
    print(f"service worker controls the capture page: {controlled}")
    print(f"\nCPU slowed 4x, {options.rounds} loads each, milliseconds:")
    print("| capture page | usable (DOMContentLoaded) median | p95 | loaded median | p95 |")
    print("|---|---:|---:|---:|---:|")
    for label, timings in runs.items():
        ready = [t["ready"] for t in timings]
        loaded = [t["loaded"] for t in timings]
        print(
            f"| {label} | {statistics.median(ready):.0f} | {percentile(ready, 0.95):.0f} "
            f"| {statistics.median(loaded):.0f} | {percentile(loaded, 0.95):.0f} |"
        )
    offline = statistics.median(t["loaded"] for t in runs["no signal"])
    online = statistics.median(t["loaded"] for t in runs["with signal"])
    print(f"\nno signal / with signal (median load): {offline / online:.2f}")


if __name__ == "__main__":
    main()
