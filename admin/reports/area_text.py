"""A restricted visit's escort, area times and devices as report text, in the user's language."""
from __future__ import annotations

from flask_babel import gettext as _

from lpsedesk.clock import clock_text
from lpsedesk.reports.restricted_log import AreaFacts, DeviceLine


def hhmm(value) -> str:
    return clock_text(value, "–")


def device_text(device: DeviceLine) -> str:
    mark = {None: "", True: " ✓", False: " ✗ " + _("did not leave with the visitor")}[device.left]
    return f"{device.kind} {device.brand} ({device.serial}){mark}"


def devices_text(area: AreaFacts) -> str:
    if area.devices_none:
        return _("no devices")
    return "; ".join(device_text(d) for d in area.devices)


def area_text(area: AreaFacts) -> str:
    """Empty for an ordinary visit; else escort, area entry–exit and devices, one per line."""
    if not area.restricted:
        return ""
    return "\n".join([
        _("Escort: %(name)s", name=area.escort or "–"),
        _("Restricted area: %(start)s–%(end)s", start=hhmm(area.area_in), end=hhmm(area.area_out)),
        _("Devices: %(list)s", list=devices_text(area) or "–"),
    ])
