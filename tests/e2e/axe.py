"""axe-core in the browser suite: the npm package, vendored for the tests only (tests/e2e/vendor, never
served to users; `make test` installs the version pinned in its package-lock.json). It is evaluated in
the page through the DevTools protocol, so the pages' strict CSP stays as it is."""
from __future__ import annotations

from pathlib import Path

import pytest

AXE_JS = Path(__file__).parent / "vendor" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_source() -> str:
    if not AXE_JS.exists():
        pytest.skip("axe-core is not installed: run `make test` (npm ci in tests/e2e/vendor)")
    return AXE_JS.read_text(encoding="utf-8")


def violations(page, source: str) -> list[str]:
    """Every WCAG 2.2 A/AA violation on the page as it is now, one line each (rule, impact, elements)."""
    # A card still sliding or fading in is not what a person reads: measure what settles.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running'"
                           " || a.effect.getTiming().iterations === Infinity)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(source)
    found = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})).violations.map(v => ({id: v.id, impact: v.impact,"
        " nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '')"
        ".split('\\n').slice(0, 2).join(' '))}))", WCAG_22_AA)
    return [f"{v['id']} ({v['impact']}): " + " | ".join(v["nodes"]) for v in found]
