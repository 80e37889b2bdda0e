"""Storing survey answers: apart from the visitor, once per visit, with the profile the report counts."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import inspect, select

from lpsedesk.extensions import db
from lpsedesk.models import SkmAnsweredVisit, SkmResponse
from lpsedesk.roles import Actor, Role
from lpsedesk.skm import answers as skm
from lpsedesk.skm.report import build, monthly_trend

from .. import factories

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc)  # 10.00 WIB
ALL_THREES = {"answers": {k: 3 for k in ("persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi",
                                        "perilaku", "pengaduan", "sarana")}}


def checked_out(**overrides):
    return factories.visit("checked_out", checked_out_at=NOW - timedelta(minutes=2), **overrides)


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield


def test_the_answer_row_has_no_column_that_names_a_visit_or_a_person(ctx):
    columns = {c["name"] for c in inspect(db.engine).get_columns("skm_responses")}
    assert not columns & {"visit_id", "visitor_id", "nik", "full_name", "name", "created_at", "kiosk_id"}


def test_answers_are_stored_with_the_date_and_the_profile_from_the_nik_and_category(ctx):
    visit = checked_out()  # NIK 3373024107900001: a woman born 1 July 1990, a penyedia
    data = {**ALL_THREES, "education": "s1", "suggestion": "  Antrean lebih cepat  "}
    skm.record(db.session, visit, skm.SurveyAnswers.from_mapping(data), channel="kiosk", now=NOW)
    db.session.commit()
    row = db.session.scalars(select(SkmResponse)).one()
    assert (row.answered_on, row.sex, row.age_band, row.occupation, row.education, row.suggestion) == \
        (date(2026, 11, 23), "P", "30-39", "penyedia", "s1", "Antrean lebih cepat")
    assert (row.u1, row.u9) == (3, 3)
    assert db.session.get(SkmAnsweredVisit, visit.id) is not None


def test_a_visit_answers_at_most_once(ctx):
    visit = checked_out()
    skm.record(db.session, visit, skm.SurveyAnswers.from_mapping(ALL_THREES), channel="kiosk", now=NOW)
    db.session.commit()
    with pytest.raises(skm.SurveyError) as again:
        skm.record(db.session, visit, skm.SurveyAnswers.from_mapping(ALL_THREES), channel="kiosk", now=NOW)
    assert again.value.code == "survey_already_answered"


def test_a_visit_still_inside_cannot_answer(ctx):
    visit = factories.visit("approved")
    with pytest.raises(skm.SurveyError) as refused:
        skm.record(db.session, visit, skm.SurveyAnswers.from_mapping(ALL_THREES), channel="kiosk", now=NOW)
    assert refused.value.code == "survey_not_checked_out"


def test_the_kiosk_offers_the_survey_only_just_after_check_out_but_the_desk_any_time(ctx):
    visit = checked_out()
    later = NOW + timedelta(hours=2)
    assert skm.survey_problem(db.session, visit, channel="kiosk", now=later) == "survey_too_late"
    assert skm.survey_problem(db.session, visit, channel="desk", now=later) is None


@pytest.mark.parametrize("data, field", [
    ({"answers": {"waktu": 5}}, "waktu"), ({"answers": {"biaya": 0}}, "biaya"),
    ({"answers": {"sarana": True}}, "sarana"), ({"education": "phd"}, "education"),
    ({"suggestion": "x" * 1001}, "suggestion"),
])
def test_bad_answers_are_named_field_by_field(data, field):
    with pytest.raises(skm.SurveyError) as bad:
        skm.SurveyAnswers.from_mapping(data)
    assert field in bad.value.fields


def test_nothing_answered_is_not_stored(ctx):
    with pytest.raises(skm.SurveyError) as empty:
        skm.record(db.session, checked_out(), skm.SurveyAnswers.from_mapping({}), channel="kiosk", now=NOW)
    assert empty.value.code == "survey_empty"


def test_the_admin_rewords_a_question_and_a_blank_one_goes_back_to_the_standard(ctx):
    admin = Actor("user", None, "Admin", frozenset({Role.ADMIN}))
    texts = {"waktu": ("Seberapa cepat layanan kami?", "How fast were we?"), "biaya": ("", "")}
    assert skm.save_question_texts(db.session, admin, texts) == {}
    db.session.commit()
    saved = skm.question_texts(db.session)
    assert saved["waktu"] == ("Seberapa cepat layanan kami?", "How fast were we?")
    assert saved["biaya"][0].startswith("Bagaimana pendapat Saudara tentang kewajaran biaya")


def test_the_report_counts_respondents_against_the_visits_served(ctx):
    for score in (4, 3):
        visit = checked_out()
        data = {"answers": {k: score for k in ALL_THREES["answers"]}}
        skm.record(db.session, visit, skm.SurveyAnswers.from_mapping(data), channel="kiosk", now=NOW)
    checked_out()  # served, did not answer
    db.session.commit()
    report = build(db.session, date(2026, 11, 1), date(2026, 11, 30))
    assert report.result.respondents == 2 and str(report.result.converted_rounded) == "87.50"
    assert (report.sample.population, report.sample.required, report.sample.still_needed) == (3, 3, 1)
    trend = monthly_trend(db.session, date(2026, 11, 30), months=2)
    assert [(p.month, p.respondents) for p in trend] == [(date(2026, 10, 1), 0), (date(2026, 11, 1), 2)]


def test_demo_data_fills_a_year_of_answers_in_a_plausible_range(ctx):
    from lpsedesk.demo import make_demo_data
    lines = make_demo_data(db.session, weeks=2, seed=3, today=date(2026, 11, 23), survey_months=12)
    db.session.commit()
    assert any("survey answers" in line for line in lines)
    report = build(db.session, date(2025, 11, 1), date(2026, 11, 23))
    months = {r.answered_on.replace(day=1) for r in report.responses}
    assert len(months) >= 12 and report.result.respondents > 300
    assert report.result.category.grade in ("A", "B") and report.suggestions
    # The older visits' reports were read long ago: they do not fill the Kasubag's list today.
    from lpsedesk.models import Visit
    old_unread = db.session.scalars(select(Visit).where(Visit.status == "reported", Visit.acknowledged_at.is_(None),
                                                        Visit.submitted_at < NOW - timedelta(days=15))).all()
    assert old_unread == []
