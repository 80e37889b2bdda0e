"""Storing one visitor's survey answers, apart from who they are; the Admin's question texts; the
follow-up plan of a period. The caller commits (one commit per request)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import audit, form_edits
from ..clock import utcnow, wib_date
from ..ids import ascii_digits
from ..models import SkmAnsweredVisit, SkmFollowUp, SkmQuestion, SkmResponse, Visit
from ..nik import parse_nik
from ..roles import Actor
from ..seen_text import seen_text
from ..workflow import VisitStatus
from .compute import valid_score
from .elements import EDUCATION, ELEMENTS, KEYS
from .profile import age_band

MAX_SUGGESTION = 1000
MAX_QUESTION = 300
# The kiosk offers the survey right after check-out; a ticket code seen later is no key to answer.
KIOSK_WINDOW = timedelta(minutes=30)
CHANNELS = ("kiosk", "desk")


class SurveyError(ValueError):
    """Why the answers were not stored: `code` for the whole request, `fields` per answer."""

    def __init__(self, code: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(code)
        self.code, self.fields = code, fields or {}


def answered(session: Session, visit: Visit) -> bool:
    return session.get(SkmAnsweredVisit, visit.id) is not None


def survey_problem(session: Session, visit: Visit, *, channel: str, now: datetime | None = None) -> str | None:
    """Why this visit's visitor may not answer now, or None."""
    if visit.status not in (VisitStatus.CHECKED_OUT, VisitStatus.REPORTED):
        return "survey_not_checked_out"
    if answered(session, visit):
        return "survey_already_answered"
    now = now or utcnow()
    if channel == "kiosk" and (visit.checked_out_at is None or now - visit.checked_out_at > KIOSK_WINDOW):
        return "survey_too_late"
    return None


@dataclass
class SurveyAnswers:
    scores: dict[str, int | None]
    education: str | None
    suggestion: str | None

    @classmethod
    def from_mapping(cls, data: Mapping) -> "SurveyAnswers":
        """Parse what a form or the kiosk sent; raises SurveyError naming each bad field."""
        raw = data.get("answers") if isinstance(data.get("answers"), Mapping) else {}
        fields: dict[str, str] = {}
        scores: dict[str, int | None] = {}
        for key in KEYS:
            value = raw.get(key)
            if isinstance(value, str) and ascii_digits(value.strip()):
                value = int(value)
            if value is None or value == "":
                scores[key] = None
            elif valid_score(value):
                scores[key] = value
            else:
                fields[key] = "survey_score"
        education = data.get("education") or None
        if education is not None and education not in EDUCATION:
            fields["education"] = "survey_education"
        suggestion = data.get("suggestion")
        if suggestion is not None and not isinstance(suggestion, str):
            fields["suggestion"] = "too_long"
        suggestion = seen_text(suggestion, lines=True).strip() if isinstance(suggestion, str) else ""
        if len(suggestion) > MAX_SUGGESTION:
            fields["suggestion"] = "too_long"
        if fields:
            raise SurveyError("invalid_fields", fields)
        return cls(scores, education, suggestion or None)

    @property
    def empty(self) -> bool:
        return all(v is None for v in self.scores.values()) and not self.suggestion


def record(session: Session, visit: Visit, answers: SurveyAnswers, *, channel: str,
           now: datetime | None = None) -> SkmResponse:
    """Store the answers with only the WIB date and the profile, and mark the visit as answered.

    Raises SurveyError when the visit may not answer (again) or nothing was answered.
    """
    if channel not in CHANNELS:
        raise ValueError(channel)
    now = now or utcnow()
    if problem := survey_problem(session, visit, channel=channel, now=now):
        raise SurveyError(problem)
    if answers.empty:
        raise SurveyError("survey_empty")
    day = wib_date(now)
    nik = parse_nik(visit.visitor.nik or "")
    response = SkmResponse(
        answered_on=day, channel=channel,
        sex=nik.sex if nik.valid else None,
        age_band=age_band(nik.birth_date, day) if nik.valid else None,
        occupation=visit.visitor.category or None, education=answers.education,
        suggestion=answers.suggestion,
        **{f"u{e.number}": answers.scores.get(e.key) for e in ELEMENTS},
    )
    session.add(response)
    session.add(SkmAnsweredVisit(visit_id=visit.id))
    return response


def scores_of(response: SkmResponse) -> dict[str, int | None]:
    return {e.key: getattr(response, f"u{e.number}") for e in ELEMENTS}


def question_texts(session: Session) -> dict[str, tuple[str, str]]:
    """Element key -> (Indonesian, English) question: the Admin's wording, else the questionnaire's."""
    saved = {q.element: q for q in session.scalars(select(SkmQuestion))}
    return {e.key: (saved[e.key].question_id, saved[e.key].question_en) if e.key in saved
            else (e.question_id, e.question_en) for e in ELEMENTS}


def question_fields(texts: Mapping[str, tuple[str, str]]) -> dict[str, str]:
    """Element key -> (Indonesian, English) as the form's fields: "persyaratan_id", "persyaratan_en"..."""
    return {f"{key}_{lang}": pair[i] for key, pair in texts.items() for i, lang in enumerate(("id", "en"))}


def question_marks(session: Session) -> str:
    """The marks of what the questions form shows now, sent back with it (lpsedesk.form_edits)."""
    fields = question_fields(question_texts(session))
    return form_edits.marks(fields, fields)


def _clean_questions(texts: Mapping[str, tuple[str, str]]) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    problems: dict[str, str] = {}
    clean: dict[str, tuple[str, str]] = {}
    for e in ELEMENTS:
        text_id, text_en = (" ".join(str(t or "").split()) for t in texts.get(e.key, ("", "")))
        for lang, text in (("id", text_id), ("en", text_en)):
            if len(text) > MAX_QUESTION:
                problems[f"{e.key}_{lang}"] = "too_long"
        clean[e.key] = (text_id or e.question_id, text_en or e.question_en)
    return clean, problems


def save_question_texts(session: Session, actor: Actor, texts: Mapping[str, tuple[str, str]],
                        shown: Mapping[str, str] | None = None) -> dict[str, str]:
    """Save the Admin's wording; returns field problems (nothing saved then). A blank text
    goes back to the questionnaire's standard question. With `shown` (the marks of what the form
    showed), only the texts its Admin changed are written, or form_edits.ChangedMeanwhile when another
    Admin reworded one of them too since (nothing saved)."""
    clean, problems = _clean_questions(texts)
    if problems:
        return problems
    saved = {q.element: q for q in session.scalars(select(SkmQuestion))}
    # Against what the form showed (the standard question where none was saved): the first save
    # otherwise made a row for, and audited, every element, reworded or not (mu14).
    current = question_texts(session)
    edited = form_edits.edits(question_fields(current), question_fields(clean), shown)
    changed = []
    for key, (text_id, text_en) in current.items():
        new = (edited.get(f"{key}_id", text_id), edited.get(f"{key}_en", text_en))
        if new == (text_id, text_en):
            continue
        row = saved.get(key) or SkmQuestion(element=key)
        row.question_id, row.question_en = new
        session.add(row)
        changed.append(key)
    if changed:
        audit.record(session, actor, "skm.questions_changed", details={"elements": changed})
    return {}


def questions_after_clash(session: Session, texts: Mapping[str, tuple[str, str]],
                          shown: Mapping[str, str] | None) -> dict[str, tuple[str, str]]:
    """What the questions form shows again after ChangedMeanwhile: the Admin's wording where they
    changed a text, the stored question in the others."""
    clean, _problems = _clean_questions(texts)
    kept = form_edits.page_after_clash(question_fields(question_texts(session)), question_fields(texts),
                                       question_fields(clean), shown)
    return {key: (str(kept[f"{key}_id"]), str(kept[f"{key}_en"])) for key in texts}


def follow_up(session: Session, start: date, end: date) -> str:
    row = session.scalars(select(SkmFollowUp).where(SkmFollowUp.period_start == start,
                                                    SkmFollowUp.period_end == end)).first()
    return row.plan if row else ""


MAX_FOLLOW_UP = 5000


def follow_up_marks(session: Session, start: date, end: date) -> str:
    """The mark of the plan the report shows now, sent back with its form (lpsedesk.form_edits)."""
    return form_edits.marks({"plan": follow_up(session, start, end)}, ["plan"])


def save_follow_up(session: Session, actor: Actor, start: date, end: date, plan: str,
                   shown: Mapping[str, str] | None = None) -> bool:
    """Save the period's follow-up plan; False when it is too long (nothing saved). With `shown`, a plan
    left as shown is not written and form_edits.ChangedMeanwhile says another user saved one since."""
    plan = (plan or "").strip()
    if len(plan) > MAX_FOLLOW_UP:
        return False
    if shown is not None and not form_edits.edits({"plan": follow_up(session, start, end)}, {"plan": plan}, shown):
        return True  # nothing of this user's to store
    row = session.scalars(select(SkmFollowUp).where(SkmFollowUp.period_start == start,
                                                    SkmFollowUp.period_end == end)).first()
    if row is None:
        row = SkmFollowUp(period_start=start, period_end=end, plan=plan)
        session.add(row)
    row.plan = plan
    row.updated_by_id = actor.id if actor.kind == "user" else None
    audit.record(session, actor, "skm.follow_up_saved",
                 details={"from": start.isoformat(), "to": end.isoformat()})
    return True
