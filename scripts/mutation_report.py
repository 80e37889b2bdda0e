"""Print the mutation score per module from mutmut's results in mutants/ (run by `make mutation`).

A mutant counts as killed when a test failed (or timed out) with it in place. Every other outcome,
"survived" and "no tests" alike, counts against the score. Survivors that docs/mutation.md lists
by name as equivalent (they cannot change behaviour) are shown apart, and any survivor the document
does not list is printed, so a new gap cannot hide behind the percentage.

Exit status: 0 when the overall score reaches --min (default 90) and every survivor is listed in
docs/mutation.md, 1 otherwise.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KILLED = {1, 3, 24, -24, 36, 152, 255}  # test failure, pytest internal error, timeouts
NO_TESTS = {5, 33}
# A mutant name in docs/mutation.md: `lpsedesk.nik.x_parse_nik__mutmut_12`.
LISTED = re.compile(r"`((?:lpsedesk|idscan)\.[\w.ǁ]+__mutmut_\d+)`")
EQUIVALENT_SECTION = re.compile(r"^## Equivalent mutants\b.*?(?=^## |\Z)", re.S | re.M)


def load_results(mutants_dir: Path) -> dict[str, dict[str, int | None]]:
    by_module: dict[str, dict[str, int | None]] = defaultdict(dict)
    for meta in sorted(mutants_dir.rglob("*.py.meta")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        source = meta.relative_to(mutants_dir).as_posix()[: -len(".meta")]
        for name, code in data.get("exit_code_by_key", {}).items():
            by_module[source][name] = code
    return by_module


def listed_mutants(doc: Path) -> tuple[set[str], set[str]]:
    """(every mutant named in the document, those named under "Equivalent mutants")."""
    if not doc.exists():
        return set(), set()
    text = doc.read_text(encoding="utf-8")
    section = EQUIVALENT_SECTION.search(text)
    return set(LISTED.findall(text)), set(LISTED.findall(section.group(0))) if section else set()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutants", type=Path, default=ROOT / "mutants")
    parser.add_argument("--doc", type=Path, default=ROOT / "docs" / "mutation.md")
    parser.add_argument("--min", type=float, default=90.0, help="lowest acceptable overall score, percent")
    parser.add_argument("--list", action="store_true", help="print every surviving mutant's name")
    parser.add_argument("--survivors", action="store_true",
                        help="print only the names of the mutants not killed (and not run), one per line, and exit")
    args = parser.parse_args()

    results = load_results(args.mutants)
    if not results:
        print("no mutmut results under", args.mutants)
        return 1
    if args.survivors:
        for codes in results.values():
            for name, code in sorted(codes.items()):
                if code not in KILLED:
                    print(name)
        return 0
    listed, equivalent = listed_mutants(args.doc)
    total_all = killed_all = equivalent_all = 0
    unlisted: list[str] = []
    not_run: list[str] = []
    print(f"{'module':34} {'mutants':>7} {'killed':>7} {'survived':>8} {'no test':>7} {'equiv.':>6} {'score':>7}")
    for module, codes in sorted(results.items()):
        if not codes or all(c is None for c in codes.values()):
            continue  # not mutated in this run (`make mutation MUTATE=...` picked other modules)
        total = sum(1 for c in codes.values() if c is not None)
        killed = sum(1 for c in codes.values() if c in KILLED)
        no_tests = sum(1 for c in codes.values() if c in NO_TESTS)
        survivors = [n for n, c in codes.items() if c not in KILLED and c is not None]
        not_run += [n for n, c in codes.items() if c is None]
        equiv = sum(1 for n in survivors if n in equivalent)
        unlisted += [n for n in survivors if n not in listed]
        total_all, killed_all, equivalent_all = total_all + total, killed_all + killed, equivalent_all + equiv
        score = 100.0 * killed / total
        print(f"{module:34} {total:7d} {killed:7d} {len(survivors) - no_tests:8d} {no_tests:7d} {equiv:6d} "
              f"{score:6.1f}%")
        if args.list:
            for name in sorted(survivors):
                print("    survived:", name, "(equivalent)" if name in equivalent else "")
    if not total_all:
        print("no mutant was run")
        return 1
    score = 100.0 * killed_all / total_all
    without_equivalent = 100.0 * killed_all / max(1, total_all - equivalent_all)
    print(f"{'overall':34} {total_all:7d} {killed_all:7d} {'':8} {'':7} {equivalent_all:6d} {score:6.1f}%")
    print(f"mutation score: {score:.1f} % of all mutants killed; {without_equivalent:.1f} % of the "
          f"{total_all - equivalent_all} that are not listed as equivalent")
    if not_run:
        print(f"{len(not_run)} mutants of the modules above were not run (interrupted?), e.g. {not_run[0]}")
    if unlisted:
        print(f"{len(unlisted)} surviving mutants are not listed in {args.doc.relative_to(ROOT)}:")
        for name in sorted(unlisted):
            print("   ", name)
    return 0 if score >= args.min and not unlisted and not not_run else 1


if __name__ == "__main__":
    raise SystemExit(main())
