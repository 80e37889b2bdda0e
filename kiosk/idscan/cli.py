"""`idscan FILE...`: scan image files, print one JSON object per file per line.

Exported as idscan_command; the app registers it so `flask --app wsgi idscan`
works. Plain click, no Flask import, so it also runs on its own.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from .engine import scan_bytes
from .result import ScanResult


@click.command("idscan")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--no-ocr", is_flag=True, help="Skip reading NIK and name.")
@click.option("--engine", type=click.Choice(["tesseract", "rapidocr"]), default=None,
              help="OCR engine (default: the first installed, Tesseract preferred).")
def idscan_command(files: tuple[Path, ...], no_ocr: bool, engine: str | None) -> None:
    """Find a KTP card and barcodes in each image FILE and print JSON lines."""
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            result = ScanResult(error="unreadable")
        else:
            result = scan_bytes(data, ocr=not no_ocr, ocr_engine=engine)
        click.echo(json.dumps({"file": str(path), **result.to_json_dict()}, ensure_ascii=False))


if __name__ == "__main__":
    idscan_command()
