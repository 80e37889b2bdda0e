"""The helpdesk board (who is inside, who waits, what to report), the evacuation list, the daily report."""
from __future__ import annotations

from flask import flash, redirect, render_template, request
from flask_babel import gettext as _, ngettext

from lpsedesk import board_duties, office_hours, visit_ops
from lpsedesk import visit_queries as q
from lpsedesk.auth import current_actor, requires
from lpsedesk.extensions import db
from lpsedesk.ids import row_ids
from lpsedesk.labels import field_labels
from lpsedesk.models import Visit, utcnow
from lpsedesk.office_hours_text import kiosk_now, staff_notice
from lpsedesk.roles import Role
from lpsedesk.workflow import VisitStatus

from .. import bp
from ..redirects import safe_next
from .common import ktp_first


def board_context() -> dict:
    now = utcnow()
    inside, to_tell = q.inside_now(db.session), q.decisions_to_tell(db.session)
    pending, to_report = q.pending(db.session), q.to_report(db.session)
    hours = office_hours.from_settings(db.session)  # read once: the follow-up below and the kiosk's notice
    # One office-hours clock for both (the kiosk's, fixed in tests): the follow-up and the notice of
    # why the kiosk takes no new visit (ux8: before a visitor says it turned them away) never disagree.
    hours_now = kiosk_now()
    follow_up = board_duties.follow_up(board_duties.to_find(inside, to_tell), hours, hours_now)
    check_ktp, waiting = board_duties.split_pending(pending)
    finished = q.finished_today(db.session, now)
    return dict(now=now, inside=inside, to_tell=to_tell, pending=pending, check_ktp=check_ktp, waiting=waiting, to_report=to_report,
                check_ktp_at_desk=board_duties.unchecked_at_desk(to_tell),
                check_ktp_inside=board_duties.unchecked_inside(inside),
                finished=finished, ktp_first=ktp_first(), follow_up=follow_up,
                same_name=q.same_names(inside + pending + to_report + finished),
                duties=board_duties.duties(follow_up=follow_up, check_ktp=check_ktp, to_report=to_report,
                                           waiting=waiting, inside=inside, to_tell=to_tell),
                actor=current_actor(), kiosk_closed=staff_notice(hours, hours_now),
                overdue={v.id for v in inside if v.approved_until and v.approved_until < now})


def just_checked_out() -> Visit | None:
    """The visit the helpdesk has just checked out from this board (`?out=`), while it still waits to
    be reported: SOP 1's next steps are to see the guest book complete and report it to the Kasubag."""
    visit_id = request.args.get("out", type=int)
    visit = db.session.get(Visit, visit_id) if visit_id else None
    return visit if visit is not None and visit.status == VisitStatus.CHECKED_OUT else None


@bp.get("/board")
@requires()
def board():
    return render_template("admin/staff/board.html", **board_context(), just_out=just_checked_out())


@bp.get("/board/fragment")
@requires()
def board_fragment():
    return render_template("admin/staff/_board.html", **board_context())


@bp.get("/evacuation")
@requires()
def evacuation():
    """Everyone inside right now, on one printable page (a fire drill starts from this list)."""
    # approved visitors still at the desk are in the building too (h36d: as the list counted them before)
    return render_template("admin/staff/evacuation.html", inside=q.in_the_building(db.session), now=utcnow())


@bp.post("/visits/report")
@requires(Role.HELPDESK)
def report_batch():
    """SOP step 7 at the end of the day: report the finished visits shown on the board at once."""
    ids = row_ids(request.form.getlist("ids"))
    chosen = [v for v in q.to_report(db.session) if v.id in ids]
    result = visit_ops.report_batch(db.session, chosen, current_actor())
    flash(ngettext("%(num)d visit reported to the Kasubag.", "%(num)d visits reported to the Kasubag.", len(result.reported)), "info")
    labels = field_labels()
    for visit, missing in result.skipped:
        flash(_("Not reported, guest book incomplete: %(name)s (%(fields)s).", name=visit.visitor.full_name,
                fields=", ".join(labels[k] for k in missing)), "error")
    return redirect(safe_next("admin.board"))
