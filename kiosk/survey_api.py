"""Kiosk API: the satisfaction survey (SKM) a visitor answers right after checking out."""
from __future__ import annotations

from flask import jsonify
from flask_babel import get_locale
from flask_babel import gettext as _

from lpsedesk.extensions import db
from lpsedesk.skm import answers as skm
from lpsedesk.skm.screens import education_choices, questions

from . import body_bounds, bp
from .device_auth import kiosk_only
from .scan_api import api_error
from .visit_api import visit_by_ticket, json_body


@bp.app_context_processor
def _survey_screens() -> dict:
    """The survey's texts for templates/skm/_survey.html (kiosk and the desk's hand-over screen),
    read only by a page that shows the survey."""
    return {"skm_survey_questions": lambda: questions(db.session, str(get_locale() or "id")),
            "skm_survey_education": lambda: education_choices(str(get_locale() or "id"))}


def survey_message(code: str) -> str:
    """The visitor's words for why the answers were not taken (shared with the desk screen)."""
    messages = {
        "survey_not_checked_out": _("The survey opens after you have checked out."),
        "survey_already_answered": _("The survey for this visit has already been answered. Thank you!"),
        "survey_too_late": _("The survey for this visit has closed. Thank you!"),
        "survey_empty": _("Please answer at least one question, or skip the survey."),
        "invalid_fields": _("Some answers could not be read. Please choose again."),
    }
    return messages.get(code, messages["invalid_fields"])


def field_messages(fields: dict[str, str]) -> dict[str, str]:
    words = {"survey_score": _("Choose one of the four answers."),
             "survey_education": _("Choose one of the listed levels of education."),
             "too_long": _("This is too long.")}
    return {k: words.get(v, words["survey_score"]) for k, v in fields.items()}


def store_answers(visit, data: dict | None, channel: str):
    """Parse and store; returns a JSON error response, or None when stored."""
    if data is None:
        return api_error("bad_request", 400)
    try:
        skm.record(db.session, visit, skm.SurveyAnswers.from_mapping(data), channel=channel)
    except skm.SurveyError as exc:
        status = 400 if exc.code in ("invalid_fields", "survey_empty") else 409
        return jsonify(error=exc.code, message=survey_message(exc.code), fields=field_messages(exc.fields)), status
    return None


@bp.post("/api/v1/visits/<ticket>/survey")
@body_bounds.short_fields
@kiosk_only
def answer_survey(ticket: str):
    """The answers of the visitor who has just checked this visit out; stored without the name."""
    visit = visit_by_ticket(ticket)
    if (problem := store_answers(visit, json_body(), "kiosk")) is not None:
        return problem
    return jsonify(stored=True), 201
