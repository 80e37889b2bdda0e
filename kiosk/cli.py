"""`flask --app wsgi kiosk-enroll NAME`: register a kiosk and print its one-time enrolment code."""
from __future__ import annotations

import socket

import click
from flask import current_app

from lpsedesk import devices
from lpsedesk.cli import CLI_ACTOR
from lpsedesk.extensions import db

from . import bp


def server_url(given: str | None) -> str:
    """Where the kiosk reaches this server: --base-url, else the address `flask serve` listens on
    (the machine's name when it listens on every address, as the kiosk is another computer)."""
    if given:
        return given.rstrip("/")
    host, port = current_app.config["HOST"], current_app.config["PORT"]
    if host in ("0.0.0.0", "::"):
        host = socket.gethostname()
    elif host == "127.0.0.1":
        host = "localhost"
    return f"http://{host}:{port}"


@bp.cli.command("kiosk-enroll")
@click.argument("name")
@click.option("--base-url", default=None, help="The server's address as the kiosk sees it, e.g. http://10.0.0.5:8080")
def kiosk_enroll(name: str, base_url: str | None) -> None:
    """Register a kiosk named NAME; open the printed link on it (or type the code) within 24 hours."""
    try:
        device, code = devices.create_device(db.session, CLI_ACTOR, name)
    except devices.DeviceError as exc:
        db.session.rollback()
        raise click.ClickException(f"refused: {exc.code}") from None
    db.session.commit()
    click.echo(f"kiosk {device.id} '{device.name}' registered")
    click.echo(f"code: {devices.format_code(code)} (valid 24 hours, once)")
    click.echo(f"on the kiosk, open: {server_url(base_url)}/kiosk/enrol?code={code}")
