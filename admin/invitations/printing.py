"""Printing invitations, one per A4 page or a sheet of cards, and a training's page: who of the
invited has arrived, who is inside, who has left."""
from __future__ import annotations

from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from lpsedesk import settings as office
from lpsedesk.auth import requires
from lpsedesk.errors import user_error
from lpsedesk.extensions import db
from lpsedesk.ids import row_ids
from lpsedesk.invitations import codes, queries
from lpsedesk.models import Invitation
from lpsedesk.roles import STAFF_ROLES

from .. import bp
from . import common

LAYOUTS = ("a4", "cards")
MAX_PRINT = 500


@bp.get("/invitations/print")
@requires(*STAFF_ROLES)
def invitation_print():
    layout = request.args.get("layout", "a4")
    if layout not in LAYOUTS:
        layout = "a4"
    event = request.args.get("event", "").strip()
    ids = sorted(row_ids(request.args.getlist("id")))[:MAX_PRINT]
    if event:
        rows = [i for i in queries.of_event(db.session, event) if i.status in ("open", "approved")]
    elif ids:
        rows = list(db.session.scalars(select(Invitation).where(Invitation.id.in_(ids)).order_by(Invitation.id)))
    else:  # nothing chosen: back to the list to choose from
        return redirect(url_for("admin.invitations"))
    cards = [{"inv": inv, "qr": common.qr(inv, scale=6 if layout == "a4" else 3),
              "code": codes.pretty(common.code(inv)), "link": common.link(inv)} for inv in rows]
    return render_template("admin/invitations/print.html", cards=cards, layout=layout, event=event,
                           lpse_name=office.get(db.session, "lpse_name"))


@bp.get("/invitations/training")
@requires(*STAFF_ROLES)
def invitation_training():
    event = request.args.get("event", "").strip()
    if not event:
        return redirect(url_for("admin.invitations"))
    roster = queries.roster(db.session, event)
    if not roster.rows:
        raise user_error(404, _("No invitation belongs to this training."))
    return render_template("admin/invitations/training.html", roster=roster, event=event)
