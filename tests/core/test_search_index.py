"""The visit search finds visitors by part of a name or an institution, ignoring case, through the
search index (FTS5 trigram table on SQLite, pg_trgm on PostgreSQL), and by a whole NIK exactly."""
from __future__ import annotations

from sqlalchemy import delete, select, update

from lpsedesk import visit_queries
from lpsedesk.extensions import db
from lpsedesk.models import Visitor

from .. import factories
from ..query_plans import capture


def _found(app, text: str) -> list[str]:
    with app.app_context():
        page = visit_queries.search(db.session, text=text)
        return sorted(v.visitor.full_name for v in page.rows)


def _people(app) -> None:
    with app.app_context():
        factories.visit(visitor=factories.visitor(full_name="Ani Pertiwi Sintetis", nik="3373010101900001",
                                                  institution="CV Alfa Kencana"))
        factories.visit(visitor=factories.visitor(full_name="Bima Kedua", nik="3373020202900002",
                                                  institution="PT Beta Mandiri Uji"))
        factories.visit(visitor=factories.visitor(full_name="Citra Ketiga", nik="3373024303900003",
                                                  institution="Dinas Beta Kota"))


def test_part_of_a_name_finds_the_visitor_whatever_the_letters_case(app):
    _people(app)
    assert _found(app, "pertiwi") == ["Ani Pertiwi Sintetis"]
    assert _found(app, "TIWI SIN") == ["Ani Pertiwi Sintetis"], "a part across two words"
    assert _found(app, "  bima   kedua ") == ["Bima Kedua"], "spaces as typed"
    assert _found(app, "Ketiga Bima") == []


def test_part_of_an_institution_finds_every_visitor_from_it(app):
    _people(app)
    assert _found(app, "beta") == ["Bima Kedua", "Citra Ketiga"]
    assert _found(app, "mandiri u") == ["Bima Kedua"]
    assert _found(app, "alfa kencana") == ["Ani Pertiwi Sintetis"]


def test_one_or_two_letters_still_find_what_contains_them(app):
    _people(app)
    assert _found(app, "Bi") == ["Bima Kedua"]
    assert _found(app, "x") == []


def test_a_renamed_or_removed_visitor_is_found_by_what_the_record_says_now(app):
    _people(app)
    with app.app_context():
        db.session.execute(update(Visitor).where(Visitor.full_name == "Bima Kedua").values(full_name="Bima Ganti"))
        db.session.commit()
    assert _found(app, "kedua") == []
    assert _found(app, "ganti") == ["Bima Ganti"]
    with app.app_context():
        from lpsedesk.models import Visit

        ani = db.session.scalar(select(Visitor.id).where(Visitor.full_name.like("Ani%")))
        db.session.execute(delete(Visit).where(Visit.visitor_id == ani))
        db.session.execute(delete(Visitor).where(Visitor.id == ani))
        db.session.commit()
    assert _found(app, "pertiwi") == []


def test_quotes_and_wildcards_typed_in_the_search_are_plain_characters(app):
    _people(app)
    for text in ('"', 'Ani "Pertiwi', "%", "_", "Bi%a", "\\", "a'b", "NEAR(a b)", "pertiwi*", "-beta"):
        assert _found(app, text) == [], text


def test_a_whole_nik_is_one_exact_match_and_never_a_like(app):
    _people(app)
    with app.app_context(), capture(db.engine) as statements:
        page = visit_queries.search(db.session, text="3373 0202 0290 0002")
        assert [v.visitor.full_name for v in page.rows] == ["Bima Kedua"]
    sql = " ".join(s.upper() for s, _ in statements)
    assert "LIKE" not in sql and "MATCH" not in sql and "visitors_search" not in sql.lower()


def test_the_search_screen_finds_by_part_of_a_name(app, client, make_user, login):
    _people(app)
    make_user("rina", "helpdesk")
    login("rina")
    page = client.get("/admin/visits?q=PERTIWI").get_data(as_text=True)
    assert "Ani Pertiwi Sintetis" in page and "Bima Kedua" not in page


def test_a_name_hundreds_of_visitors_share_lists_the_newest_visits_first(app):
    from datetime import datetime, timedelta, timezone

    from lpsedesk import search_index
    from lpsedesk.models import Visit

    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    n = search_index.FEW + 20  # more than the index path takes: the newest visits are walked instead
    with app.app_context():
        people = [Visitor(full_name=f"Warga Umum {i}", nik=f"3373020101{i:06d}", phone="0812", institution="-",
                          category="public") for i in range(n)]
        db.session.add_all(people)
        db.session.flush()
        db.session.add_all([Visit(visitor_id=p.id, purpose="verification", facility="verification_desk",
                                  planned_minutes=60, status="reported", submitted_at=start + timedelta(hours=i))
                            for i, p in enumerate(people)])
        db.session.add(Visit(visitor=factories.visitor(full_name="Orang Lain"), purpose="verification",
                             facility="verification_desk", planned_minutes=60, status="reported",
                             submitted_at=start + timedelta(hours=n + 1)))
        db.session.commit()
        page = visit_queries.search(db.session, text="WARGA umum", per_page=25)
        assert [v.visitor.full_name for v in page.rows] == [f"Warga Umum {i}" for i in range(n - 1, n - 26, -1)]
        assert page.more and page.total == 275
        few = visit_queries.search(db.session, text="umum 51", per_page=25)  # 51, 510..519: the index path
        assert sorted(v.visitor.full_name for v in few.rows) == sorted(
            f"Warga Umum {i}" for i in [51] + list(range(510, min(520, n))))
