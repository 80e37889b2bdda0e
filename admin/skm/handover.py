"""The helpdesk hands the survey to a visitor whose service ended at the desk: the visit's page
opens the survey full screen, the visitor answers, the screen returns to the visit. The answers
are stored as at the kiosk: without the name, once per visit."""
from __future__ import annotations

from flask import jsonify, render_template, request, url_for

from lpsedesk import settings
from lpsedesk.auth import requires
from lpsedesk.extensions import db
from lpsedesk.models import Visit
from lpsedesk.roles import Role
from lpsedesk.skm import answers as skm

from .. import bp
from kiosk.survey_api import store_answers, survey_message


@bp.app_context_processor
def _skm_visit_helpers() -> dict:
    return {"skm_may_hand_over": lambda visit: skm.survey_problem(db.session, visit, channel="desk") is None}


@bp.get("/visits/<int:visit_id>/survey")
@requires(Role.HELPDESK)
def skm_handover(visit_id: int):
    visit = db.get_or_404(Visit, visit_id)
    problem = skm.survey_problem(db.session, visit, channel="desk")
    return render_template("admin/skm/handover.html", visit=visit, problem=survey_message(problem) if problem else None,
                           lpse_name=settings.get(db.session, "lpse_name"),
                           back=url_for("admin.visit", visit_id=visit.id),
                           submit_url=url_for("admin.skm_handover_answer", visit_id=visit.id))


@bp.post("/visits/<int:visit_id>/survey")
@requires(Role.HELPDESK)
def skm_handover_answer(visit_id: int):
    visit = db.get_or_404(Visit, visit_id)
    data = request.get_json(silent=True)
    if (problem := store_answers(visit, data if isinstance(data, dict) else None, "desk")) is not None:
        return problem
    return jsonify(stored=True), 201
