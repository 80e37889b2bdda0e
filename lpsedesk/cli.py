"""Command-line tools: `flask --app wsgi <command>`."""
from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from . import users
from .extensions import db
from .passwords import generate_password
from .roles import STAFF_ROLES, Actor, Role

CLI_ACTOR = Actor(kind="system", id=None, label="cli", roles=frozenset({Role.SYSTEM}))
ROLE_CHOICE = click.Choice([r.value for r in STAFF_ROLES])


def _password(generate: bool) -> str:
    if generate:
        return generate_password()
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


def _fail(exc: users.UserError) -> None:
    db.session.rollback()
    raise click.ClickException(f"refused: {exc.code}")


@click.command("create-user")
@click.argument("username")
@click.option("--name", "full_name", required=True, help="Full name as shown on records.")
@click.option("--role", "roles", multiple=True, type=ROLE_CHOICE, required=True,
              help="helpdesk, kasubag or admin; repeat for several.")
@click.option("--nip", default=None)
@click.option("--generate-password", "generate", is_flag=True, help="Print a strong random password.")
@with_appcontext
def create_user(username: str, full_name: str, roles: tuple[str, ...], nip: str | None, generate: bool) -> None:
    """Create a staff account."""
    password = _password(generate)
    try:
        users.create(db.session, CLI_ACTOR, username=username, full_name=full_name, password=password,
                     roles={Role(r) for r in roles}, nip=nip)
    except users.UserError as exc:
        _fail(exc)
    db.session.commit()
    click.echo(f"created {username.lower()} ({', '.join(roles)})")
    if generate:
        click.echo(f"password: {password}")


@click.command("set-password")
@click.argument("username")
@click.option("--generate-password", "generate", is_flag=True)
@with_appcontext
def set_password(username: str, generate: bool) -> None:
    """Set a staff account's password (ends its sessions)."""
    user = users.find(db.session, username)
    if user is None:
        raise click.ClickException(f"no such user: {username}")
    password = _password(generate)
    try:
        users.set_password(db.session, CLI_ACTOR, user, password)
    except users.UserError as exc:
        _fail(exc)
    db.session.commit()
    click.echo(f"password set for {user.username}")
    if generate:
        click.echo(f"password: {password}")


@click.command("deactivate-user")
@click.argument("username")
@with_appcontext
def deactivate_user(username: str) -> None:
    """Deactivate a staff account and end its sessions at once."""
    user = users.find(db.session, username)
    if user is None:
        raise click.ClickException(f"no such user: {username}")
    users.set_active(db.session, CLI_ACTOR, user, False)
    db.session.commit()
    click.echo(f"deactivated {user.username}")


@click.command("demo-data")
@click.option("--weeks", default=8, show_default=True, help="How many weeks of history to make.")
@click.option("--seed", default=2022, show_default=True)
@click.option("--survey-months", default=12, show_default=True,
              help="Months of older finished visits before the weeks, for a year of survey (SKM) answers.")
@with_appcontext
def demo_data(weeks: int, seed: int, survey_months: int) -> None:
    """Fill the database with synthetic visitors, visits, remote-access requests and survey answers."""
    from .demo import make_demo_data

    summary = make_demo_data(db.session, weeks=weeks, seed=seed, survey_months=survey_months,
                             storage=current_app.extensions["storage"])
    db.session.commit()
    for line in summary:
        click.echo(line)


@click.command("serve")
@click.option("--host", default=None, help="Default: HOST from config (127.0.0.1).")
@click.option("--port", default=None, type=int, help="Default: PORT from config (8080).")
@click.option("--threads", default=None, type=int, help="Default: THREADS from config.")
@click.option("--upgrade", is_flag=True, help="First bring the database to the latest migration "
                                               "(as `flask db upgrade`), in this process.")
@with_appcontext
def serve(host: str | None, port: int | None, threads: int | None, upgrade: bool = False) -> None:
    """Serve the product with waitress."""
    from .firstrun import needs_setup, setup_token

    app = current_app._get_current_object()
    if upgrade:
        from .schema_state import upgrade_if_behind

        if upgrade_if_behind(app):
            click.echo("Database upgraded to the latest migration.")
    host = host or app.config["HOST"]
    port = port or app.config["PORT"]
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    click.echo(f"LPSE desk at http://{shown}:{port}/  (kiosk: /kiosk/, staff: /admin/)")
    if needs_setup(db.session):
        token = setup_token(app.instance_path)
        click.echo(f"No staff account yet. Create the first Admin at http://{shown}:{port}/admin/setup?token={token}")
    db.session.remove()
    from .jobs import start_scheduler

    start_scheduler(app)
    import logging

    from .serving import create_server
    from .site_address import this_computers_names

    this_computers_names()  # looked up now, once: the first request would wait for a slow resolver
    logging.basicConfig()  # as waitress.serve does: its warnings (queue depth, refusals) reach the console
    create_server(app, host, port, threads).run()


@click.command("run-jobs")
@click.argument("names", nargs=-1)
@with_appcontext
def run_jobs(names: tuple[str, ...]) -> None:
    """Run the periodic jobs once (all, or those named), e.g. from cron."""
    from .jobs import jobs_of, run_once

    app = current_app._get_current_object()
    known = jobs_of(app)
    unknown = set(names) - set(known)
    if unknown:
        raise click.ClickException(f"unknown jobs: {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}")
    for name, result in run_once(app, list(names) or None).items():
        click.echo(f"{name}: {result}")


commands = [create_user, set_password, deactivate_user, demo_data, serve, run_jobs]

from .maintenance_cli import commands as _maintenance  # noqa: E402  (purge, backup, restore)
commands += _maintenance
