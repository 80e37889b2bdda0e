"""Staff screens: kiosk devices: enrol, revoke, last seen (issue 4)."""
from __future__ import annotations

import segno
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from markupsafe import Markup

from lpsedesk import devices, form_edits
from lpsedesk.auth import current_actor, requires
from lpsedesk.errors import user_error
from lpsedesk.extensions import db
from lpsedesk.models import KioskDevice, utcnow
from lpsedesk.roles import Role

from .. import bp
from ..changed_meanwhile import changed_meanwhile_message, shown_marks
from ..site_links import site_link


def _page(new_code: tuple[KioskDevice, str] | None = None, status: int = 200, chosen: dict[int, str] | None = None):
    shown = None
    if new_code is not None:
        device, code = new_code
        link = site_link("kiosk.enrol", code=code)
        # Inline SVG: a tablet kiosk can scan it with its own camera app; segno writes no script or style.
        qr = Markup(segno.make(link, error="m").svg_inline(scale=4, border=2))
        shown = {"device": device, "code": devices.format_code(code), "link": link, "qr": qr}
    kiosks = devices.list_devices(db.session)
    return render_template("admin/kiosks.html", kiosks=kiosks, shown=shown, now=utcnow(),
                           cameras={k.id: devices.camera_report(k) for k in kiosks},
                           slip_formats=devices.SLIP_FORMATS, slip_marks=devices.slip_marks, chosen=chosen or {}), status


def _device(device_id: int) -> KioskDevice:
    return db.get_or_404(KioskDevice, device_id)


@bp.get("/kiosks")
@requires(Role.ADMIN)
def kiosks():
    return _page()


@bp.post("/kiosks")
@requires(Role.ADMIN)
def kiosk_create():
    try:
        device, code = devices.create_device(db.session, current_actor(), request.form.get("name", ""))
    except devices.DeviceError:
        raise user_error(400, _("Give the kiosk a name, e.g. \"Lobby kiosk\"."))
    # The code is shown on this response only: it is never stored, so a reload cannot show it again.
    return _page((device, code), 201)


@bp.post("/kiosks/<int:device_id>/code")
@requires(Role.ADMIN)
def kiosk_new_code(device_id: int):
    device = _device(device_id)
    try:
        code = devices.new_enrol_code(db.session, current_actor(), device)
    except devices.DeviceError:
        raise user_error(409, _("A revoked kiosk cannot be enrolled again. Register a new kiosk instead."))
    return _page((device, code))


@bp.post("/kiosks/<int:device_id>/revoke")
@requires(Role.ADMIN)
def kiosk_revoke(device_id: int):
    device = _device(device_id)
    devices.revoke(db.session, current_actor(), device)
    flash(_("Kiosk %(name)s revoked: it can no longer be used.", name=device.name), "info")
    return redirect(url_for("admin.kiosks"))


@bp.post("/kiosks/<int:device_id>/slip")
@requires(Role.ADMIN)
def kiosk_slip(device_id: int):
    device = _device(device_id)
    choice = request.form.get("slip_format", "")
    try:
        changed = devices.set_slip_format(db.session, current_actor(), device, choice, shown_marks())
    except devices.DeviceError:
        raise user_error(400, _("Choose a slip format.")) from None
    except form_edits.ChangedMeanwhile:
        flash(changed_meanwhile_message([_("Slip printer")]), "error")
        return _page(status=409, chosen={device.id: choice})  # the row shows the choice, fresh marks
    if not changed:
        flash(_("Nothing changed."), "info")
        return redirect(url_for("admin.kiosks"))
    flash(_("Saved."), "info")
    return redirect(url_for("admin.kiosks"))
