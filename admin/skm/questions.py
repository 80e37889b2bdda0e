"""Settings > SKM questions: the Admin rewords each element's question (Indonesian and English).
The nine elements and their order are the regulation's and cannot change."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from lpsedesk.auth import current_actor, requires
from lpsedesk.extensions import db
from lpsedesk.roles import Role
from lpsedesk.skm import answers as skm
from lpsedesk.skm.elements import ELEMENTS

from .. import bp


@bp.route("/settings/skm", methods=["GET", "POST"])
@requires(Role.ADMIN)
def settings_skm():
    errors: dict[str, str] = {}
    texts = skm.question_texts(db.session)
    if request.method == "POST":
        sent = {e.key: (request.form.get(f"{e.key}_id", ""), request.form.get(f"{e.key}_en", "")) for e in ELEMENTS}
        problems = skm.save_question_texts(db.session, current_actor(), sent)
        if not problems:
            flash(_("Survey questions saved."), "info")
            return redirect(url_for("admin.settings_skm"))
        errors = {k: _("At most %(n)d characters.", n=skm.MAX_QUESTION) for k in problems}
        texts = sent
        flash(_("Nothing was saved: please correct the marked fields."), "error")
    return render_template("admin/skm/questions.html", elements=ELEMENTS, texts=texts, errors=errors,
                           max_length=skm.MAX_QUESTION), 400 if errors else 200
