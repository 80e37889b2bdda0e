"""`flask --app wsgi kiosk-enroll NAME`: register a kiosk and print its one-time enrolment code."""
from __future__ import annotations

import click

from lpsedesk import devices
from lpsedesk.cli import CLI_ACTOR
from lpsedesk.extensions import db

from . import bp


@bp.cli.command("kiosk-enroll")
@click.argument("name")
def kiosk_enroll(name: str) -> None:
    """Register a kiosk named NAME; open the printed link on it (or type the code) within 24 hours."""
    try:
        device, code = devices.create_device(db.session, CLI_ACTOR, name)
    except devices.DeviceError as exc:
        db.session.rollback()
        raise click.ClickException(f"refused: {exc.code}") from None
    db.session.commit()
    click.echo(f"kiosk {device.id} '{device.name}' registered")
    click.echo(f"code: {devices.format_code(code)} (valid 24 hours, once)")
    click.echo(f"on the kiosk, open: /kiosk/enrol?code={code}")
