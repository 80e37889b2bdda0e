"""`flask --app wsgi idscan FILE...`: scan image files, print one JSON object per file per line.

`--sequence DIR` reads the images in DIR (sorted by name) as the frames of one visitor's steady
card and runs the multi-frame vote the kiosk runs at capture: one JSON object for the whole run.
The engine is the pure `idscan` package; this command gives it the region table from lpsedesk.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from idscan import ImageError, ScanResult, decode_image_bytes, scan_bytes, scan_sequence
from lpsedesk.nik import regions

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff"}


def _sequence(directory: Path, engine: str | None) -> dict:
    frames, skipped = [], []
    for path in sorted(p for p in directory.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES):
        try:
            frames.append(decode_image_bytes(path.read_bytes()))
        except (OSError, ImageError):
            skipped.append(path.name)
    if not frames:
        return {"sequence": str(directory), **ScanResult(error="empty").to_json_dict(), "frames": 0, "voters": 0,
                "skipped": skipped}
    result, reading = scan_sequence(frames, engine=engine, regions=regions())
    return {"sequence": str(directory), **result.to_json_dict(), "frames": len(frames),
            "voters": reading.voters if reading else 0, "skipped": skipped}


@click.command("idscan")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--sequence", "sequence", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="A folder of frames of one card: read the sharpest 3 together and vote, as the kiosk does "
                   "at capture, and look again on later frames where that fills no NIK.")
@click.option("--no-ocr", is_flag=True, help="Skip reading NIK and name.")
@click.option("--engine", type=click.Choice(["both", "tesseract", "rapidocr"]), default=None,
              help="OCR engine (default: both when RapidOCR is installed, else Tesseract).")
def idscan_command(files: tuple[Path, ...], sequence: Path | None, no_ocr: bool, engine: str | None) -> None:
    """Find a KTP card and barcodes in each image FILE (or in a --sequence folder) and print JSON lines."""
    if sequence is None and not files:
        raise click.UsageError("give image FILEs or --sequence DIR")
    if sequence is not None:
        click.echo(json.dumps(_sequence(sequence, engine), ensure_ascii=False))
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
