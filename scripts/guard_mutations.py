"""Remove each access guard of the web layer, one at a time, and see whether a test notices.

A deliberate bug in the web layer is often a guard taken away: a `@requires(...)` line dropped or
given the wrong roles, a kiosk view without `@kiosk_only`, a form exempted from the CSRF check, an
`if not actor.has(...)` that no longer refuses. mutmut does not reach these (decorators and views are
not in `[tool.mutmut]`), so this script makes each change in a scratch copy of the worktree, runs the
authorisation test and, when that passes, the tests near the changed file; a change those let pass
is tried against the tests written for the guards (GUARD_TESTS). It prints which changes the
earlier tests did not notice, and whether the guard tests do (docs/mutation.md, "Guards in the web layer").

    python scripts/guard_mutations.py                # every guard; about 25 minutes on 2 busy cores
    python scripts/guard_mutations.py --only csrf    # the guards whose label contains "csrf"
    python scripts/guard_mutations.py --list         # only list the changes

Not part of `make test`: each change costs one or two pytest runs.
"""
from __future__ import annotations

import argparse
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AUTHORIZATION = ["tests/test_authorization.py"]
EXEMPT = '@__import__("lpsedesk.extensions", fromlist=["csrf"]).csrf.exempt'
ANY_STAFF = "@requires()"
ALL_THREE = re.compile(r"@requires\((?=.*HELPDESK)(?=.*KASUBAG)(?=.*ADMIN)")

# The tests near each changed file, run when the authorisation test lets the change pass.
NEARBY = {
    "admin/staff/": ["tests/admin/test_staff_ktp_image.py", "tests/admin/test_restricted.py"],
    "admin/reports/": ["tests/admin/test_nik_masking.py", "tests/admin/test_skm_report.py"],
    "admin/remote/": ["tests/admin/test_remote_flow.py"],
    "admin/invitations/": ["tests/admin/test_invitations.py"],
    "kiosk/": ["tests/kiosk/test_devices.py", "tests/kiosk/test_frame_endpoint.py"],
    "lpsedesk/restricted.py": ["tests/core/test_rules_watchlist_restricted.py", "tests/admin/test_restricted.py"],
    "lpsedesk/invitations/": ["tests/core/test_rules_invitations.py"],
    "lpsedesk/watchlist.py": ["tests/core/test_rules_watchlist_restricted.py", "tests/admin/test_watchlist.py"],
    "lpsedesk/kiosk_recovery.py": ["tests/core/test_kiosk_recovery.py", "tests/kiosk/test_recovery_api.py"],
    "lpsedesk/auth.py": ["tests/admin/test_delegation_ends_with_the_kasubag_post.py"],
}
# Tests written for the guards this script found unnoticed; run with every change.
GUARD_TESTS = ["tests/test_csrf_everywhere.py", "tests/test_guards_in_views.py"]


@dataclass(frozen=True)
class Mutant:
    label: str
    path: str
    line: int  # 1-based line replaced
    new: str | None  # None: the line removed; a string may hold two lines (a decorator inserted)


def _python_files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


# Guards written inside a view or a rule: (file, the line's text, what it becomes, label).
IN_CODE = [
    ("admin/reports/views.py", "if full_nik and not actor.has(Role.ADMIN):", "if False:",
     "full NIKs exported by every staff role"),
    ("admin/staff/common.py", "return bool(actor and actor.has(Role.KASUBAG, Role.HELPDESK))", "return True",
     "KTP shown on the visit page to every role (may_view_ktp)"),
    ("admin/staff/restricted.py", "return watchlist.may_read(current_actor())", "return True",
     "watch-list reason shown to the helpdesk (may_read_watch)"),
    ("lpsedesk/watchlist.py", "return bool(actor and actor.has(*READERS))", "return True",
     "watchlist.may_read true for everyone"),
    ("lpsedesk/watchlist.py", "return bool(actor and actor.has(*EDITORS))", "return True",
     "watchlist.may_edit true for everyone"),
    ("admin/remote/views.py", "can_record=current_actor().has(Role.ADMIN))", "can_record=True)",
     "remote register offers recording a letter to every reader"),
    ("admin/remote/common.py", "can_admin=actor.has(Role.ADMIN), is_kasubag=actor.has(Role.KASUBAG),",
     "can_admin=True, is_kasubag=True,", "remote detail offers every role every step"),
    ("admin/invitations/views.py", "can_decide=actor.has(Role.KASUBAG) and inv.status == \"open\" and inv.ends_at > utcnow(),",
     "can_decide=inv.status == \"open\" and inv.ends_at > utcnow(),", "invitation page offers the decision to every role"),
    ("admin/invitations/views.py", "can_cancel=actor.has(*common.INVITERS) and inv.status not in (\"used\", \"cancelled\"),",
     "can_cancel=inv.status not in (\"used\", \"cancelled\"),", "invitation page offers cancelling to every role"),
    ("admin/reports/skm.py", "may_write_plan=actor.has(*PLAN_WRITERS))", "may_write_plan=True)",
     "SKM follow-up plan offered to every role"),
    ("admin/remote/actions.py", "check_transition(req, RemoteStatus.APPROVED, actor)", "pass",
     "remote decision: the view's check_transition before the form"),
    ("admin/remote/actions.py", "check_transition(req, RemoteStatus.ACTIVE, current_actor())  # a 409 before any form error",
     "pass", "remote give: the view's check_transition before the form"),
    ("admin/remote/actions.py", "check_transition(req, RemoteStatus.CLOSED, current_actor())  # a 409 before any form error",
     "pass", "remote close: the view's check_transition before the form"),
    ("lpsedesk/restricted.py", "if not actor.has(Role.KASUBAG):", "if False:", "escort named by any role (core)"),
    ("lpsedesk/restricted.py", "return None if actor.has(Role.HELPDESK) else NotAllowed()", "return None",
     "area entry/exit and device check by any role (core)"),
    ("lpsedesk/invitations/rules.py", "if not actor.has(Role.HELPDESK, Role.ADMIN):", "if False:",
     "invitation made or cancelled by any role (core)"),
    ("lpsedesk/invitations/rules.py", "if not actor.has(Role.KASUBAG):", "if False:",
     "invitation decided by any role (core)"),
    ("lpsedesk/kiosk_recovery.py", "if visit is None or not may_check_out(visit):", "if visit is None:",
     "kiosk check-out without ticket for any visit (core)"),
    ("kiosk/frame_endpoint.py", "problem = admit_kiosk(req.cookies.get(devices.COOKIE_NAME), attach=False)",
     "problem = None", "frame path without the device credential"),
    ("kiosk/device_auth.py", "if check.device is None:", "if False:", "admit_kiosk admits any credential"),
    ("lpsedesk/auth.py", "if roles and not actor.has(*roles):", "if False:", "requires() checks no role"),
    ("lpsedesk/auth.py", "if principal is not None and principal.active and Role.KASUBAG in principal.roles:",
     "if principal is not None:", "a Plh./Plt. borrows power from a principal no longer Kasubag or active"),
]
# Single POST views made CSRF-exempt (one per audience; the whole blueprints are exempted too).
CSRF_VIEWS = ["def decide_visit(", "def settings_user_roles(", "def remote_give(", "def submit_visit(",
              "def check_out(", "def kiosk_create("]


def mutants() -> list[Mutant]:
    found: list[Mutant] = []
    for path in _python_files("admin", "kiosk"):
        rel = str(path.relative_to(ROOT))
        lines = path.read_text().splitlines()
        for number, text in enumerate(lines, 1):
            stripped = text.strip()
            indent = text[: len(text) - len(text.lstrip())]
            if stripped.startswith("@requires("):
                view = _view_name(lines, number)
                found.append(Mutant(f"{view}: {stripped} removed", rel, number, None))
                if stripped != ANY_STAFF and not ALL_THREE.match(stripped):
                    found.append(Mutant(f"{view}: {stripped} -> any staff", rel, number, indent + ANY_STAFF))
            elif stripped == "@kiosk_only":
                found.append(Mutant(f"{_view_name(lines, number)}: @kiosk_only removed", rel, number, None))
            elif any(stripped.startswith(view) for view in CSRF_VIEWS):
                found.append(Mutant(f"{_view_name(lines, number - 1)}: csrf exempt", rel, number,
                                    indent + EXEMPT + "\n" + text))
    for rel, old, new, label in IN_CODE:
        lines = (ROOT / rel).read_text().splitlines()
        hits = [n for n, text in enumerate(lines, 1) if text.strip() == old]
        if len(hits) != 1:
            raise SystemExit(f"{rel}: {old!r} found {len(hits)} times; update IN_CODE")
        indent = lines[hits[0] - 1][: len(lines[hits[0] - 1]) - len(lines[hits[0] - 1].lstrip())]
        found.append(Mutant(label, rel, hits[0], indent + new))
    for rel, name in (("admin/__init__.py", "admin"), ("kiosk/__init__.py", "kiosk")):
        lines = (ROOT / rel).read_text().splitlines()
        number = next(n for n, text in enumerate(lines, 1) if text.startswith("bp = Blueprint("))
        found.append(Mutant(f"the {name} blueprint csrf exempt", rel, number,
                            lines[number - 1] + "\n" + EXEMPT.lstrip("@") + "(bp)"))
    # Guards no route table covers first; the decorators the authorisation test walks route by route last.
    return sorted(found, key=lambda m: ("@requires" in m.label, "any staff" in m.label, "@kiosk_only" in m.label))


def _view_name(lines: list[str], number: int) -> str:
    for text in lines[number:number + 6]:
        match = re.match(r"\s*def (\w+)\(", text)
        if match:
            return match.group(1)
    return f"line {number}"


def _apply(copy: Path, mutant: Mutant) -> str:
    target = copy / mutant.path
    original = target.read_text()
    lines = original.splitlines(keepends=True)
    if mutant.new is None:
        del lines[mutant.line - 1]
    else:
        lines[mutant.line - 1] = mutant.new + "\n"
    target.write_text("".join(lines))
    return original


def _pytest(copy: Path, tests: list[str], timeout: float) -> bool:
    """True when the tests pass (the change went unnoticed)."""
    present = [t for t in tests if (copy / t).exists()]
    command = ["nice", "-n", "10", sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *present]
    try:
        result = subprocess.run(command, cwd=copy, env=_env(copy), capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False
    return result.returncode == 0


def _env(copy: Path) -> dict:
    import os

    env = dict(os.environ, PYTHONPATH=str(copy))
    env.pop("PYTEST_ADDOPTS", None)
    return env


def _nearby(mutant: Mutant) -> list[str]:
    """The second stage, for the guards inside views and rules; a decorator or an exemption is the
    authorisation test's (and the CSRF test's) business alone."""
    if "csrf" in mutant.label or mutant.label.endswith(" removed") or "any staff" in mutant.label:
        return []
    tests = []
    path = mutant.path
    for prefix, files in NEARBY.items():
        if path.startswith(prefix):
            tests += files
    return tests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="only the changes whose label contains this text")
    parser.add_argument("--list", action="store_true", help="list the changes and stop")
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--skip", action="append", default=[], help="leave out the changes whose label contains this")
    parser.add_argument("--jobs", type=int, default=1, help="changes tried at once, each in its own copy")
    parser.add_argument("--baseline", action="store_true",
                        help="do not run the tests written for the guards (GUARD_TESTS) on what the others let pass")
    parser.add_argument("--rerun", type=Path, help="only the changes a previous run did not see killed by the earlier tests")
    args = parser.parse_args()
    chosen = [m for m in mutants() if args.only in m.label and not any(text in m.label for text in args.skip)]
    if args.rerun:
        alive = {re.search(r" s  (.*)$", line).group(1) for line in args.rerun.read_text().splitlines()
                 if " SURVIVED " in line or " NEW-TEST " in line}
        chosen = [m for m in chosen if f"{m.path}:{m.line}  {m.label}" in alive]
    if args.list:
        for m in chosen:
            print(f"{m.path}:{m.line}  {m.label}")
        print(f"{len(chosen)} changes")
        return 0
    with tempfile.TemporaryDirectory(prefix="guard-mutations-") as scratch:
        copies: queue.Queue[Path] = queue.Queue()
        for n in range(args.jobs):  # one scratch copy per worker
            copy = Path(scratch) / f"tree{n}"
            shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", "mutants", "var", "__pycache__",
                                                                       "node_modules", ".venv"))
            copies.put(copy)
        done = iter(range(1, len(chosen) + 1))
        lock = threading.Lock()

        def judge(mutant: Mutant) -> tuple[Mutant, bool, bool]:
            copy, started = copies.get(), time.monotonic()
            original = _apply(copy, mutant)
            try:
                # The tests near the change first (seconds for a rule), then the authorisation test,
                # which walks every route with every caller.
                near = _nearby(mutant)
                noticed = not ((not near or _pytest(copy, near, args.timeout)) and
                               _pytest(copy, AUTHORIZATION, args.timeout))
                # Unnoticed by the tests that were there before: would the guard tests notice?
                caught = not noticed and not args.baseline and not _pytest(copy, GUARD_TESTS, args.timeout)
            finally:
                (copy / mutant.path).write_text(original)
                copies.put(copy)
            verdict = "killed" if noticed else "NEW-TEST" if caught else "SURVIVED"
            with lock:
                print(f"[{next(done)}/{len(chosen)}] {verdict:8} {time.monotonic() - started:5.0f} s  "
                      f"{mutant.path}:{mutant.line}  {mutant.label}", flush=True)
            return mutant, noticed, caught

        with ThreadPoolExecutor(args.jobs) as pool:
            unnoticed = [(m, caught) for m, noticed, caught in pool.map(judge, chosen) if not noticed]
    print(f"\n{len(chosen) - len(unnoticed)} of {len(chosen)} guard removals noticed by the tests that were there "
          f"before the guard tests ({', '.join(GUARD_TESTS)}); the others:")
    for m, caught in unnoticed:
        print(f"  {'now caught' if caught else 'STILL UNNOTICED'}: {m.path}:{m.line}  {m.label}")
    return 1 if any(not caught for _m, caught in unnoticed) else 0


if __name__ == "__main__":
    sys.exit(main())
