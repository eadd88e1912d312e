"""Playwright with Debian's Chromium, axe-core injected from npm, and CSP violations collected."""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

# Watch for CSP violations and errors from the moment each page starts (CFG-6).
WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run 'npm ci' (make test does it)")
    with sync_playwright() as playwright:
        executable = CHROMIUM if Path(CHROMIUM).exists() else None
        if executable is None and shutil.which("chromium"):
            executable = shutil.which("chromium")
        browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
        yield browser
        browser.close()


class PageWatch:
    def __init__(self, page):
        self.page = page
        self.console_errors: list[str] = []
        page.on(
            "console",
            lambda message: message.type == "error" and self.console_errors.append(message.text),
        )
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.add_init_script(WATCH)

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__cspViolations || []")

    def assert_clean(self, expected_status: int = 200):
        assert self.csp_violations() == []
        errors = self.console_errors
        if expected_status != 200:
            # Chromium reports the page's own status as a console error; nothing else may fail.
            own = f"the server responded with a status of {expected_status}"
            errors = [e for e in errors if own not in e]
        assert errors == []


def _context(browser, live_server, javascript=True):
    return browser.new_context(base_url=live_server.url, java_script_enabled=javascript)


@pytest.fixture
def page(browser, live_server):
    context = _context(browser, live_server)
    page = context.new_page()
    page.watch = PageWatch(page)
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser, live_server):
    context = _context(browser, live_server, javascript=False)
    page = context.new_page()
    page.copro_javascript_off = True  # see reflow_problems
    yield page
    context.close()


def axe_violations(page) -> list[dict]:
    # Evaluated through the DevTools protocol, which the page's strict CSP does not govern, so
    # the CSP stays on and any real violation is still caught.
    page.evaluate(AXE.read_text() + "\n;undefined")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


# Reflow (WCAG 1.4.10) and resize text (1.4.4): the page may not scroll sideways. A wide data
# table may scroll inside its own focusable, labelled container (the GOV.UK pattern), which
# does not widen the page; the elements that stick out are named to help find the cause.
REFLOW = """
() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const inScroller = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const overflow = getComputedStyle(p).overflowX;
      if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') return true;
    }
    return false;
  };
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width && box.right > width + 1 && !inScroller(el)) {
      const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : '';
      wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                (cls ? '.' + cls : '') + ' ' + Math.round(box.right));
    }
  }
  return {scrollWidth: root.scrollWidth, width: width, wide: wide.slice(-5)};
}
"""
REFLOW_WIDTH = 320
TEXT_ZOOM_WIDTH = 640  # a 1280 px screen at 200% zoom, with the text doubled again


def reflow_problems(page) -> list[str]:
    """Page widths at 320 CSS px, and with text at 200% on a 640 px-wide window."""
    problems = []
    if getattr(page, "copro_javascript_off", False):
        # Resizing a page whose scripts are off waits for the page forever on this Chromium;
        # the journeys check reflow on the pages they visit with JavaScript on.
        return problems
    viewport = page.viewport_size
    try:
        for width, text in ((REFLOW_WIDTH, "100%"), (TEXT_ZOOM_WIDTH, "200%")):
            page.set_viewport_size({"width": width, "height": 640})
            page.evaluate("size => { document.documentElement.style.fontSize = size; }", text)
            found = page.evaluate(REFLOW)
            if found["scrollWidth"] > width:
                problems.append(f"{width}px wide, text {text}: page is {found['scrollWidth']}px")
                problems.append(f"  too wide: {found['wide']}")
    finally:
        page.evaluate("() => { document.documentElement.style.fontSize = ''; }")
        if viewport:
            page.set_viewport_size(viewport)
    return problems


def assert_accessible(page):
    violations = axe_violations(page)
    assert violations == [], f"{page.url}: {violations}"
    problems = reflow_problems(page)
    assert problems == [], f"{page.url} scrolls sideways: {problems}"
