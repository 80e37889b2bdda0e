"""Maintenance commands: `flask --app wsgi purge | backup PATH | restore PATH [--force]`."""
from __future__ import annotations

import time
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from .extensions import db


@click.command("purge")
@with_appcontext
def purge_command() -> None:
    """Delete KTP captures, signatures and letters older than the retention period; mask old NIKs."""
    from .config import guesses_kept, longest_session_hours
    from .jobs import pause_for_writers
    from .retention import RetentionError, after_purge, purge

    storage, previous = current_app.extensions["storage"], None
    while True:  # one short transaction per batch (see lpsedesk/retention.py)
        try:
            result = purge(db.session, previous=previous, limit=current_app.config["PURGE_BATCH"],
                           session_hours=longest_session_hours(current_app.config),
                           guesses_kept=guesses_kept(current_app.config))
        except RetentionError as exc:
            db.session.rollback()
            raise click.ClickException(str(exc)) from None
        committing = time.monotonic()
        db.session.commit()  # rows first, then the files, then (after the last batch) files no row names
        committed = time.monotonic()
        summary = after_purge(db.session, storage, result)
        if not result.more:
            break
        previous = result
        if result.changed:  # the server's writers get the lock between batches
            pause_for_writers(db.engine, result.took + committed - committing, committed)
    click.echo(summary)


def _keys() -> dict[str, str]:
    config = current_app.config
    return {"secret_key": config["SECRET_KEY"], "storage.key": config["STORAGE_KEY"]}


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup_command(path: Path) -> None:
    """Write the database, the stored files and the keys into one .tar.gz archive (mode 0600)."""
    from .backup import BackupError, create_backup

    db.session.remove()
    try:
        manifest = create_backup(db.engine, current_app.extensions["storage"], _keys(), path)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"backup written to {path}: {manifest['dialect']} database, {manifest['files']} files")
    click.secho("WARNING: this archive holds the keys that decrypt the KTP images, signatures and "
                "letters. Keep it as carefully as the server itself (it is readable by its owner only).",
                fg="yellow", err=True)


@click.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace a database that already holds records.")
@with_appcontext
def restore_command(path: Path, force: bool) -> None:
    """Bring back a backup made by `backup`: database, stored files and instance keys."""
    from .backup import BackupError, restore_backup

    db.session.remove()
    try:
        result = restore_backup(db.engine, Path(current_app.config["STORAGE_DIR"]),
                                Path(current_app.instance_path), path, force=force,
                                configured_keys=_keys())
    except BackupError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"restored the {result.dialect} database and {result.files} files from the backup of "
               f"{result.created_at}; restart the server so it reads the restored keys")
    for warning in result.warnings:
        click.secho(f"WARNING: {warning}", fg="yellow", err=True)


commands = [purge_command, backup_command, restore_command]
