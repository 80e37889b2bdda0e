"""h45y: the Kasubag's queue lists the reports she must read and the few newest; the older ones fold."""
from __future__ import annotations

from types import SimpleNamespace

from lpsedesk.visit_ops import reports_in_sight


def _report(name: str, incident: bool = False):
    return SimpleNamespace(name=name, notes=[SimpleNamespace(kind="incident" if incident else "note")])


def _names(reports) -> list[str]:
    return [r.name for r in reports]


def test_five_reports_or_fewer_are_all_listed():
    reports = [_report(f"r{i}") for i in range(5)]
    assert reports_in_sight(reports) == (reports, [])


def test_a_long_list_keeps_every_incident_and_the_three_newest_open_the_rest_folded_in_order():
    reports = [_report(f"r{i}", incident=i in (1, 8)) for i in range(10)]  # oldest first, as the queue reads
    shown, folded = reports_in_sight(reports)
    # both incidents and the three newest without one, in the queue's order
    assert _names(shown) == ["r1", "r6", "r7", "r8", "r9"]
    assert _names(folded) == ["r0", "r2", "r3", "r4", "r5"]
    assert len(shown) + len(folded) == len(reports)


def test_an_incident_is_never_folded_however_old():
    reports = [_report("old incident", incident=True)] + [_report(f"r{i}") for i in range(30)]
    shown, folded = reports_in_sight(reports)
    assert shown[0].name == "old incident" and all(not r.notes[0].kind == "incident" for r in folded)
