"""The staff home: each role lands on its own screen at the same address."""
from __future__ import annotations

from flask import render_template

from lpsedesk import remote_ops
from lpsedesk import visit_queries as q
from lpsedesk.auth import current_actor, requires
from lpsedesk.extensions import db
from lpsedesk.models import utcnow
from lpsedesk.roles import Role

from .. import bp
from .board import board_context
from .queue import queue_context


@bp.get("/")
@requires()
def dashboard():
    """Each role lands on its own screen at the same address: the Kasubag's queue, the desk's board."""
    actor = current_actor()
    if actor.has(Role.KASUBAG):
        return render_template("admin/staff/queue.html", **queue_context())
    if actor.has(Role.HELPDESK):
        return render_template("admin/staff/board.html", **board_context())
    return render_template("admin/dashboard.html", pending=q.pending(db.session),
                           inside=q.inside_now(db.session), remote=q.remote_waiting(db.session),
                           remote_steps=remote_ops.waiting_on(db.session, actor),
                           overdue=remote_ops.overdue_accounts(db.session, utcnow()))
