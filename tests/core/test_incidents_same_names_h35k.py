"""h35k: what the Kasubag reads on a phone. A report whose visit had an incident says so apart from its
notes (SOP 1: during the visit the helpdesk makes sure the visitor stays within what was permitted); two
requests under one name are told apart, whatever the case and spacing the visitors typed."""
from __future__ import annotations

from types import SimpleNamespace

from lpsedesk import visit_ops, visit_queries


def note(kind: str) -> SimpleNamespace:
    return SimpleNamespace(kind=kind, body=kind)


def visit(visit_id: int, name: str, nik: str = "3373024107900001") -> SimpleNamespace:
    return SimpleNamespace(id=visit_id, visitor=SimpleNamespace(full_name=name, nik=nik))


def test_an_incident_is_read_apart_from_the_notes_of_a_visit():
    door, laptop = note("incident"), note("incident")
    record = SimpleNamespace(notes=[note("note"), door, note("note"), laptop])
    assert visit_ops.incidents(record) == [door, laptop]


def test_a_visit_with_notes_only_had_no_incident():
    assert visit_ops.incidents(SimpleNamespace(notes=[note("note")])) == []
    assert visit_ops.incidents(SimpleNamespace(notes=[])) == []


def test_two_requests_under_one_name_are_both_flagged_and_a_name_borne_once_is_not():
    budi, budi_again, dewi = visit(1, "Budi Santoso"), visit(2, "  BUDI   santoso "), visit(3, "Dewi Sintetis")
    assert visit_queries.same_names([budi, dewi, budi_again]) == {1, 2}


def test_one_request_seen_twice_in_the_lists_is_not_a_second_visitor():
    # the queue passes its waiting requests and today's decisions: a visit is in one of them only, but a
    # list handed twice must not make a visitor their own namesake
    budi = visit(1, "Budi Santoso")
    assert visit_queries.same_names([budi, budi]) == set()


def test_names_that_only_begin_alike_are_not_the_same_name():
    assert visit_queries.same_names([visit(1, "Budi Santoso"), visit(2, "Budi Santosa"), visit(3, "Budi")]) == set()
