#!/usr/bin/env python3
"""End-to-end check of `protokoll report` in a real browser (Debian's headless Chromium).

Runs the report on a scan, a multi-page TIFF, a PDF and a legacy text from samples/, opens each
page and the index from disk, and checks from the DOM as rendered (scripts run): every page image
loaded; as many marked repairs as `protokoll run --changes` gives for the same input; the record
table shows each record's date and agenda items; the index lists every input and its links lead
to files that exist; no console message (a CSP violation is one); no request the page made
leaves the report's folder (Chromium's net log). Writes a screenshot of one page.

  check_report.py PROTOKOLL SOURCE_DIR WORK_DIR SCREENSHOT.png
Exit 77 (CTest's skip) with a message where no Chromium is installed.
"""
import html.parser
import json
import os
import shutil
import subprocess
import sys
from collections import Counter

INPUTS = [
    "samples/pages/ks-au-2023-03-14.png",
    "samples/pages/two-pages.tif",
    "samples/pages/apt-solrosen-2024-02-06.pdf",
    "samples/legacy/000.txt",
]
# Chromium's own traffic (updates, time, accounts) stays off, so that what the net log shows is
# the page's.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
    "--enable-logging=stderr", "--v=0",
]
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message, file=sys.stderr)


class Dom(html.parser.HTMLParser):
    """What the checks read off a rendered page."""

    def __init__(self):
        super().__init__()
        self.images, self.loaded, self.fix_marks, self.rows, self.links = 0, 0, 0, 0, []
        self.in_records = 0
        self.records_text = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "img":
            self.images += 1
            self.loaded += a.get("data-state") == "loaded"
        if tag == "mark" and "fix" in classes:
            self.fix_marks += 1
        if tag == "tr":
            self.rows += 1
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "section" and a.get("id") == "records":
            self.in_records = 1
        elif self.in_records and tag == "section":
            self.in_records += 1

    def handle_endtag(self, tag):
        if self.in_records and tag == "section":
            self.in_records -= 1

    def handle_data(self, data):
        if self.in_records:
            self.records_text.append(data)


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def render(browser, page, work, extra):
    """The page as Chromium rendered it (stdout); its console and requests checked."""
    profile = os.path.join(work, "profile")
    netlog = os.path.join(work, "net.json")
    run = subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--log-net-log={netlog}", *extra,
                          "file://" + os.path.abspath(page)], capture_output=True, text=True, timeout=120)
    for line in run.stderr.splitlines():
        if ":CONSOLE" in line:
            fail(f"{page}: console: {line}")
    with open(netlog) as f:
        log = json.load(f)
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    folder = "file://" + os.path.abspath(os.path.join(work, "report")) + "/"
    for e in log["events"]:
        p = e.get("params", {})
        if names.get(e["type"]) != "URL_REQUEST_START_JOB" or "url" not in p:
            continue
        url = p["url"]
        if p.get("initiator") == "not an origin" and not url.startswith("file:"):
            continue  # the browser's own, not the page's
        if not url.startswith("file://") or not url.startswith(folder):
            fail(f"{page}: the page requested {url}")
    return run.stdout


def main():
    protokoll, source, work, screenshot = sys.argv[1:5]
    browser = chromium_binary()
    if not browser:
        print("SKIP: no Chromium on this machine (tools/install-deps installs Debian's chromium)", file=sys.stderr)
        return 77
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    out = os.path.join(work, "report")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    subprocess.run([protokoll, "-q", "report", *INPUTS, "--out", out], cwd=source, env=env, check=True)
    changes_file = os.path.join(work, "changes.jsonl")
    run = subprocess.run([protokoll, "-q", "run", "--per-file", "--changes", changes_file, *INPUTS], cwd=source, env=env,
                         check=True, capture_output=True, text=True)
    with open(changes_file) as f:
        changes = Counter(json.loads(line)["file"] for line in f)
    records = {}
    for line in run.stdout.splitlines():
        r = json.loads(line)
        records.setdefault(r["source"][0]["file"], []).append(r)

    for name in INPUTS:
        page = os.path.join(out, name + ".html")
        dom = Dom()
        dom.feed(render(browser, page, work, ["--dump-dom"]))
        scan = not name.endswith((".txt", ".pdf"))
        if scan and dom.images == 0:
            fail(f"{name}: no page image")
        if dom.loaded != dom.images:
            fail(f"{name}: {dom.images - dom.loaded} of {dom.images} images did not load")
        if dom.fix_marks != changes[name]:
            fail(f"{name}: {dom.fix_marks} repairs marked, --changes has {changes[name]}")
        shown = " ".join(dom.records_text)
        for r in records.get(name, []):
            for value in [r["date"]] + [item["title"] for item in r["items"]]:
                if value and value not in shown:
                    fail(f"{name}: the record table lacks {value!r}")
        if not records.get(name):
            fail(f"{name}: no record to check")
        print(f"{name}: {dom.images} images loaded, {dom.fix_marks} repairs marked, "
              f"{sum(len(r['items']) for r in records.get(name, []))} items shown", file=sys.stderr)

    index = Dom()
    index.feed(render(browser, os.path.join(out, "index.html"), work, ["--dump-dom"]))
    if index.rows != len(INPUTS) + 1:  # the header row and one per input
        fail(f"index: {index.rows - 1} rows for {len(INPUTS)} inputs")
    for href in index.links:
        if not os.path.exists(os.path.join(out, href)):
            fail(f"index: link to a missing page {href}")
    render(browser, os.path.join(out, INPUTS[1] + ".html"), work, [f"--screenshot={os.path.abspath(screenshot)}",
                                                                  "--window-size=1400,1000"])
    if not os.path.exists(screenshot):
        fail("no screenshot written")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
