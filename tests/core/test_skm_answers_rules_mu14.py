"""Survey answers (docs/skm.md): a visit that is checked out - also once its report is written
(approved -> checked_out -> reported, README) - may answer; the suggestion box takes the 1000
characters its form allows (templates/skm/_survey.html); the Admin's rewording of a question is an
Admin's change like any in Settings, audited once per change and not at all when nothing changed
(docs/settings.md, "Audit")."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, SkmResponse
from lpsedesk.roles import Actor, Role
from lpsedesk.skm import answers as skm

from .. import factories
from .test_skm_answers import ALL_THREES, ctx  # noqa: F401  (ctx is a fixture)

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc)


def test_a_visit_whose_report_is_written_still_answers_at_the_kiosk_and_the_desk(ctx):
    for channel in ("kiosk", "desk"):
        visit = factories.visit("reported", checked_out_at=NOW - timedelta(minutes=5))
        assert skm.survey_problem(db.session, visit, channel=channel, now=NOW) is None
        skm.record(db.session, visit, skm.SurveyAnswers.from_mapping(ALL_THREES), channel=channel, now=NOW)
    db.session.commit()
    assert len(db.session.scalars(select(SkmResponse)).all()) == 2


def test_a_suggestion_as_long_as_the_form_allows_is_taken(ctx):
    answers = skm.SurveyAnswers.from_mapping({**ALL_THREES, "suggestion": "s" * 1000})
    assert answers.suggestion == "s" * 1000


def test_rewording_a_question_is_audited_once_and_saving_the_same_words_again_is_not(ctx):
    admin = Actor("user", None, "Admin", frozenset({Role.ADMIN}))
    texts = {"waktu": ("Seberapa cepat layanan kami?", "How fast were we?")}
    assert skm.save_question_texts(db.session, admin, texts) == {}
    db.session.commit()
    assert skm.save_question_texts(db.session, admin, texts) == {}
    db.session.commit()
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "skm.questions_changed")).all()
    # the other eight were left blank (their standard question): not changed, not listed
    assert len(events) == 1 and events[0].details["elements"] == ["waktu"]


def test_a_suggestion_alone_is_kept_and_scores_nothing(ctx):
    """docs/skm.md: every question may be skipped and the suggestion is optional; a visitor who skips the
    nine questions and writes only a suggestion ("saran") has still answered - the suggestion reaches the
    Admin's report, and no element gets a score from it (mu14's a3, decided)."""
    visit = factories.visit("checked_out", checked_out_at=NOW - timedelta(minutes=5))
    answers = skm.SurveyAnswers.from_mapping({"suggestion": "Ruang tunggu perlu kursi tambahan"})
    response = skm.record(db.session, visit, answers, channel="kiosk", now=NOW)
    db.session.commit()
    assert response.suggestion == "Ruang tunggu perlu kursi tambahan"
    assert all(score is None for score in skm.scores_of(response).values())
