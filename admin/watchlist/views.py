"""The watch list's one page: the Admin adds, changes and removes entries; the Kasubag reads.

Rules and the audit of every change live in lpsedesk.watchlist; the helpdesk never sees the list.
"""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from lpsedesk import form_edits, watchlist
from lpsedesk.auth import current_actor, requires
from lpsedesk.clock import wib_today
from lpsedesk.extensions import db
from lpsedesk.models import WatchEntry
from lpsedesk.roles import Role

from .. import bp
from ..changed_meanwhile import changed_meanwhile_message, shown_marks
from .messages import field_label, field_message


def _page(errors: dict[str, str] | None = None, form: dict | None = None, editing: int | None = None,
          status: int | None = None):
    # The entry being edited keeps the marks its form first showed while it has mistakes to correct;
    # after ChangedMeanwhile (status 409) it shows the stored entry's, as every other form does.
    shown = (form or {}).get("shown") if errors else None
    return render_template("admin/watchlist/index.html", entries=watchlist.entries(db.session), today=wib_today(),
                           errors=errors or {}, form=form or {}, editing=editing, shown=shown,
                           shown_marks=watchlist.shown_marks,
                           may_edit=watchlist.may_edit(current_actor())), status or (400 if errors else 200)


@bp.get("/watchlist/")
@requires(Role.KASUBAG, Role.ADMIN)
def watchlist_index():
    return _page()


def _saved_or_page(step, *, editing: int | None = None):
    raw = watchlist.EntryInput.from_mapping(request.form)
    try:
        changed = step(raw)
    except watchlist.WatchlistError as exc:
        flash(_("Nothing was saved: please correct the marked fields."), "error")
        return _page({k: field_message(v) for k, v in exc.fields.items()}, dict(request.form), editing)
    flash(_("Watch list saved.") if changed is not False else _("Nothing changed."), "info")
    return redirect(url_for("admin.watchlist_index"))


@bp.post("/watchlist/")
@requires(Role.ADMIN)
def watchlist_add():
    return _saved_or_page(lambda raw: watchlist.add(db.session, current_actor(), raw))


@bp.post("/watchlist/<int:entry_id>")
@requires(Role.ADMIN)
def watchlist_change(entry_id: int):
    entry = db.get_or_404(WatchEntry, entry_id)
    shown = shown_marks()
    try:
        return _saved_or_page(lambda raw: watchlist.change(db.session, current_actor(), entry, raw, shown=shown),
                              editing=entry_id)
    except form_edits.ChangedMeanwhile as exc:
        flash(changed_meanwhile_message(field_label(k) for k in exc.keys), "error")
        kept = watchlist.kept_after_clash(entry, watchlist.EntryInput.from_mapping(request.form), shown)
        return _page(form=kept, editing=entry_id, status=409)


@bp.post("/watchlist/<int:entry_id>/remove")
@requires(Role.ADMIN)
def watchlist_remove(entry_id: int):
    entry = db.get_or_404(WatchEntry, entry_id)
    watchlist.remove(db.session, current_actor(), entry)
    flash(_("Entry removed from the watch list."), "info")
    return redirect(url_for("admin.watchlist_index"))
