"""Settings > SKM questions: the Admin rewords each element's question (Indonesian and English).
The nine elements and their order are the regulation's and cannot change."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from lpsedesk import form_edits
from lpsedesk.auth import current_actor, requires
from lpsedesk.extensions import db
from lpsedesk.roles import Role
from lpsedesk.skm import answers as skm
from lpsedesk.skm.elements import ELEMENTS

from .. import bp
from ..changed_meanwhile import changed_meanwhile_message, shown_marks


@bp.route("/settings/skm", methods=["GET", "POST"])
@requires(Role.ADMIN)
def settings_skm():
    errors: dict[str, str] = {}
    texts, status = skm.question_texts(db.session), 200
    shown = skm.question_marks(db.session)
    if request.method == "POST":
        sent = {e.key: (request.form.get(f"{e.key}_id", ""), request.form.get(f"{e.key}_en", "")) for e in ELEMENTS}
        try:
            problems = skm.save_question_texts(db.session, current_actor(), sent, shown_marks())
        except form_edits.ChangedMeanwhile as exc:
            # shown afresh: the Admin has been told, so saving again replaces the other's wording
            flash(changed_meanwhile_message(_question_label(k) for k in exc.keys), "error")
            return _page(skm.questions_after_clash(db.session, sent, shown_marks()), {}, shown, 409)
        if not problems:
            flash(_("Survey questions saved."), "info")
            return redirect(url_for("admin.settings_skm"))
        errors = {k: _("At most %(n)d characters.", n=skm.MAX_QUESTION) for k in problems}
        texts, shown, status = sent, request.form.get("shown", ""), 400
        flash(_("Nothing was saved: please correct the marked fields."), "error")
    return _page(texts, errors, shown, status)


def _page(texts: dict, errors: dict[str, str], shown: str, status: int):
    return render_template("admin/skm/questions.html", elements=ELEMENTS, texts=texts, errors=errors,
                           max_length=skm.MAX_QUESTION, shown=shown), status


def _question_label(field: str) -> str:
    """"persyaratan_id" as the form shows it: "U1 · Persyaratan, Question (Indonesian)"."""
    key, lang = field.rsplit("_", 1)
    element = next(e for e in ELEMENTS if e.key == key)
    return f"{element.code} · {element.name_id}, " + (_("Question (Indonesian)") if lang == "id"
                                                       else _("Question (English)"))
