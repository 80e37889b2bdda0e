"""`flask --app wsgi idscan FILE...`: scan image files, print one JSON object per file per line.

The engine is the pure `idscan` package; this command gives it the region table from lpsedesk.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from idscan import ScanResult, scan_bytes
from lpsedesk.nik import regions


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
            result = scan_bytes(data, ocr=not no_ocr, ocr_engine=engine, regions=regions())
        click.echo(json.dumps({"file": str(path), **result.to_json_dict()}, ensure_ascii=False))


if __name__ == "__main__":
    idscan_command()
