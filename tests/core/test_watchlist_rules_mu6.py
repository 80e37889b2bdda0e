"""watchlist: the rules mutation testing (mu6) showed untested; expectations from the documents.

docs/restricted.md, "Watch list": an entry names a whole NIK (matched exactly) or a name with its
institution (case, punctuation, spacing and the legal form do not matter); a name alone is refused;
each entry has a reason and a last day (WIB, inclusive); an expired entry stays on the list, marked,
and no longer matches. A match flags the request (the visit keeps the entry's id and a copy of the
reason) and never refuses it. Audit: `watchlist.added`, `watchlist.changed` (old and new values),
`watchlist.removed`, one `watchlist.matched` per matching entry with the visit's id and ticket and
whether the NIK or the name matched; NIKs in audit details are masked. The Admin's form holds a name
of 120 characters, an institution of 160 and a reason of 500 (templates/admin/watchlist's maxlength).
"""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from lpsedesk import watchlist
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, WatchEntry
from lpsedesk.roles import SYSTEM_ACTOR, Actor, Role
from tests import factories

TODAY = date(2026, 12, 1)
ADMIN = Actor("user", None, "Ani", frozenset({Role.ADMIN}))
NIK = "3373024107900001"  # the factories' visitor, Sari Uji Coba of CV Contoh Sejahtera


def entry_input(**fields) -> watchlist.EntryInput:
    values = dict(reason="Pernah merusak perangkat", expires_on="31/12/2026")
    values.update(fields)
    return watchlist.EntryInput(**values)


def events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


# --- what the Admin types ----------------------------------------------------------------------

def test_the_form_is_read_whatever_it_left_empty():
    raw = watchlist.EntryInput.from_mapping({"nik": NIK, "full_name": None, "reason": "x", "expires_on": "31/12/2026"})
    assert (raw.nik, raw.full_name, raw.institution, raw.reason, raw.expires_on) == (NIK, "", "", "x", "31/12/2026")


def test_the_last_day_is_typed_day_first_and_an_unreadable_one_is_refused():
    assert watchlist.clean(entry_input(nik=NIK, expires_on="25/12/2026"), today=TODAY)["expires_on"] == date(2026, 12, 25)
    with pytest.raises(watchlist.WatchlistError) as refused:
        watchlist.clean(entry_input(nik=NIK, expires_on="bulan depan"), today=TODAY)
    assert refused.value.fields == {"expires_on": "bad_date"}
    with pytest.raises(watchlist.WatchlistError) as empty:
        watchlist.clean(entry_input(nik=NIK, expires_on=""), today=TODAY)
    assert empty.value.fields == {"expires_on": "bad_date"}


def test_nothing_to_match_is_said_at_the_nik_and_a_name_alone_at_the_institution():
    with pytest.raises(watchlist.WatchlistError) as nothing:
        watchlist.clean(entry_input(), today=TODAY)
    assert nothing.value.fields == {"nik": "nik_or_name_institution"}
    with pytest.raises(watchlist.WatchlistError) as name_alone:
        watchlist.clean(entry_input(full_name="Sari Uji Coba"), today=TODAY)
    assert name_alone.value.fields == {"institution": "nik_or_name_institution"}
    with pytest.raises(watchlist.WatchlistError) as institution_alone:
        watchlist.clean(entry_input(institution="CV Contoh"), today=TODAY)
    assert institution_alone.value.fields == {"nik": "nik_or_name_institution"}


@pytest.mark.parametrize("field, limit", [("full_name", 120), ("institution", 160), ("reason", 500)])
def test_each_value_may_fill_the_admins_field_and_no_more(field, limit):
    base = dict(full_name="Sari Uji Coba", institution="CV Contoh")
    values = watchlist.clean(entry_input(**{**base, field: "A" * limit}), today=TODAY)
    assert values[field] == "A" * limit
    with pytest.raises(watchlist.WatchlistError) as refused:
        watchlist.clean(entry_input(**{**base, field: "A" * (limit + 1)}), today=TODAY)
    assert refused.value.fields == {field: "too_long"}


def test_spacing_typed_in_a_name_institution_or_reason_is_not_kept():
    values = watchlist.clean(entry_input(nik=" 3373 0241 0790 0001 ", full_name="  Sari   Uji Coba ",
                                         institution=" CV.  Contoh ", reason="  Sanksi daftar hitam  "), today=TODAY)
    assert (values["nik"], values["full_name"], values["institution"], values["reason"]) == (
        NIK, "Sari Uji Coba", "CV. Contoh", "Sanksi daftar hitam")
    assert (values["name_key"], values["institution_key"]) == ("SARI UJI COBA", "CONTOH")
    by_nik = watchlist.clean(entry_input(nik=NIK), today=TODAY)
    assert (by_nik["full_name"], by_nik["institution"], by_nik["name_key"], by_nik["institution_key"]) == (
        None, None, None, None)


def test_an_institution_that_is_only_a_legal_form_is_kept_as_typed():
    """Dropping the legal form must not leave nothing to compare (and match every such entry)."""
    assert watchlist.normalise_institution("PT.") == "PT"
    assert watchlist.normalise_institution("Koperasi") == "KOPERASI"
    assert watchlist.normalise_institution(None) == "" and watchlist.normalise_name(None) == ""


# --- the list, its changes and the audit log ------------------------------------------------------

def test_adding_changing_and_removing_are_audited_with_the_nik_masked(app):
    with app.app_context():
        entry = watchlist.add(db.session, ADMIN, entry_input(nik=NIK), today=TODAY)
        [added] = events("watchlist.added")
        assert added.object_id == entry.id
        assert added.details == {"nik": "3373********0001", "full_name": None, "institution": None,
                                 "reason": "Pernah merusak perangkat", "expires_on": "2026-12-31"}
        # The same values again change nothing and write nothing.
        assert watchlist.change(db.session, ADMIN, entry, entry_input(nik=NIK), today=TODAY) is False
        assert events("watchlist.changed") == []
        assert watchlist.change(db.session, ADMIN, entry, entry_input(nik=NIK, reason="Sanksi"), today=TODAY) is True
        [changed] = events("watchlist.changed")
        assert changed.object_id == entry.id
        assert changed.details["old"]["reason"] == "Pernah merusak perangkat"
        assert changed.details["new"] == {**added.details, "reason": "Sanksi"}
        assert entry.reason == "Sanksi"
        watchlist.remove(db.session, ADMIN, entry)
        db.session.flush()
        [removed] = events("watchlist.removed")
        assert removed.details == changed.details["new"] and removed.object_id == entry.id
        assert db.session.scalars(select(WatchEntry)).all() == []


def test_a_change_is_checked_as_an_addition_is(app):
    with app.app_context():
        entry = watchlist.add(db.session, ADMIN, entry_input(nik=NIK), today=TODAY)
        with pytest.raises(watchlist.WatchlistError):
            watchlist.change(db.session, ADMIN, entry, entry_input(nik=NIK, expires_on="30/11/2026"), today=TODAY)
        assert entry.expires_on == date(2026, 12, 31) and events("watchlist.changed") == []


def test_the_list_shows_entries_in_force_soonest_end_first_then_the_expired_ones(app, monkeypatch):
    monkeypatch.setattr(watchlist, "wib_today", lambda now=None: date(2026, 12, 10))
    with app.app_context():
        def add(nik_serial: int, last_day: str) -> int:
            entry = watchlist.add(db.session, ADMIN, entry_input(nik=f"337302410790{nik_serial:04d}",
                                                                 expires_on=last_day), today=TODAY)
            return entry.id
        late = add(1, "31/12/2026")
        expired_long_ago = add(2, "02/12/2026")
        last_day_today = add(3, "10/12/2026")
        expired_yesterday = add(4, "09/12/2026")
        soon = add(5, "11/12/2026")
        assert [e.id for e in watchlist.entries(db.session)] == [
            last_day_today, soon, late, expired_long_ago, expired_yesterday]


# --- matching at check-in -------------------------------------------------------------------------

def test_a_nik_entry_does_not_match_a_namesake_and_a_name_entry_does_not_match_by_nik(app):
    with app.app_context():
        watchlist.add(db.session, ADMIN, entry_input(nik="3373024107900002"), today=TODAY)
        by_name = watchlist.add(db.session, ADMIN, entry_input(full_name="Sari Uji-Coba",
                                                               institution="Contoh Sejahtera, CV"), today=TODAY)
        found = watchlist.matches(db.session, NIK, "SARI UJI COBA", "CV. Contoh Sejahtera", today=TODAY)
        assert [e.id for e in found] == [by_name.id]
        assert watchlist.matches(db.session, NIK, "Sari Uji Coba", "CV Lain", today=TODAY) == []
        # Without a name to compare, only the NIK can match.
        assert watchlist.matches(db.session, NIK, "", "", today=TODAY) == []
        assert len(watchlist.matches(db.session, "3373024107900002", "", "", today=TODAY)) == 1


def test_a_match_flags_the_visit_with_each_reason_once_and_audits_every_matching_entry(app):
    with app.app_context():
        by_nik = watchlist.add(db.session, ADMIN, entry_input(nik=NIK, reason="Sanksi"), today=TODAY)
        by_name = watchlist.add(db.session, ADMIN, entry_input(full_name="Sari Uji Coba",
                                                               institution="CV Contoh Sejahtera", reason="Sanksi"),
                                today=TODAY)
        other = watchlist.add(db.session, ADMIN, entry_input(full_name="sari uji coba", institution="Contoh Sejahtera",
                                                             reason="Merusak perangkat"), today=TODAY)
        db.session.commit()
        moment = datetime(2026, 12, 2, 2, 0, tzinfo=timezone.utc)
        visit = factories.visit(submitted_at=moment, ticket_code="TKT23456")
        found = watchlist.screen(db.session, visit, SYSTEM_ACTOR, now=moment)
        assert [e.id for e in found] == [by_nik.id, by_name.id, other.id]
        assert visit.status == "pending"
        assert visit.watch_entry_id == by_nik.id
        assert visit.watch_reason == "Sanksi; Merusak perangkat"
        matched = events("watchlist.matched")
        assert [(e.object_id, e.details["by"]) for e in matched] == [
            (by_nik.id, "nik"), (by_name.id, "name_institution"), (other.id, "name_institution")]
        assert all(e.details["visit_id"] == visit.id and e.details["ticket"] == "TKT23456" for e in matched)
        assert all(e.at == moment for e in matched)


def test_a_visitor_on_no_entry_is_not_flagged_and_nothing_is_audited(app):
    with app.app_context():
        watchlist.add(db.session, ADMIN, entry_input(nik="3373024107900002"), today=TODAY)
        db.session.commit()
        visit = factories.visit(submitted_at=datetime(2026, 12, 2, 2, 0, tzinfo=timezone.utc))
        assert watchlist.screen(db.session, visit, SYSTEM_ACTOR, now=visit.submitted_at) == []
        assert (visit.watch_entry_id, visit.watch_reason) == (None, None)
        assert events("watchlist.matched") == []


def test_a_name_or_nik_that_only_begins_like_an_entry_is_not_flagged(app):
    """A name is matched whole (a name alone would flag every namesake: docs/restricted.md), and a
    NIK exactly: "Sari" or "Sari Uji" is not "Sari Uji Coba", nor is CV Contoh "CV Contoh Sejahtera"."""
    with app.app_context():
        entry = watchlist.add(db.session, ADMIN, entry_input(full_name="Sari Uji Coba",
                                                             institution="CV Contoh Sejahtera"), today=TODAY)
        watchlist.add(db.session, ADMIN, entry_input(nik=NIK), today=TODAY)
        for name, institution in (("Sari", "CV Contoh Sejahtera"), ("Sari Uji", "CV Contoh Sejahtera"),
                                  ("Sari Uji Coba Dua", "CV Contoh Sejahtera"), ("Sari Uji Coba", "CV Contoh"),
                                  ("Sari Uji Coba", "CV Contoh Sejahtera Abadi"), ("Uji Coba", "CV Contoh Sejahtera")):
            assert watchlist.matches(db.session, "3373024107900002", name, institution, today=TODAY) == [], name
        for nik in ("337302410790000", "33730241079000011", "3373024107900011"):
            assert watchlist.matches(db.session, nik, "", "", today=TODAY) == [], nik
        found = watchlist.matches(db.session, "3373024107900002", "sari uji-coba", "Contoh Sejahtera, CV", today=TODAY)
        assert [e.id for e in found] == [entry.id]


def test_each_change_names_the_admin_who_made_it(app):
    with app.app_context():
        entry = watchlist.add(db.session, ADMIN, entry_input(nik=NIK), today=TODAY)
        watchlist.change(db.session, ADMIN, entry, entry_input(nik=NIK, reason="Sanksi"), today=TODAY)
        watchlist.remove(db.session, ADMIN, entry)
        db.session.flush()
        for action in ("watchlist.added", "watchlist.changed", "watchlist.removed"):
            [event] = events(action)
            assert (event.actor_type, event.actor_label) == ("user", "Ani"), action


def test_an_entry_with_another_nik_that_matches_by_name_says_the_name_matched(app):
    with app.app_context():
        entry = watchlist.add(db.session, ADMIN, entry_input(nik="3373024107900002", full_name="Sari Uji Coba",
                                                             institution="CV Contoh Sejahtera"), today=TODAY)
        db.session.commit()
        visit = factories.visit(submitted_at=datetime(2026, 12, 2, 2, 0, tzinfo=timezone.utc))
        assert [e.id for e in watchlist.screen(db.session, visit, SYSTEM_ACTOR, now=visit.submitted_at)] == [entry.id]
        [matched] = events("watchlist.matched")
        assert matched.details["by"] == "name_institution"
