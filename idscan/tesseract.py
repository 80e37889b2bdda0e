"""Tesseract (Debian tesseract-ocr): one call reads a whole sheet of line images.

Starting Tesseract costs more than recognising a dozen lines, so every line of every frame that
needs reading goes into one sheet image and one call: in this process through libtesseract where
it is installed (tesslib.py: the model is loaded once), else the CLI as a subprocess. The TSV
output gives each word's position, which maps it back to the line it came from.
"""
from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache

import cv2
import numpy as np

from . import tesslib, threads
from .once import image_key, once

GAP = 18  # white rows between two lines of the sheet
MARGIN = 16


@lru_cache(maxsize=1)
def tesseract_path() -> str | None:
    """The CLI, or the library's name when only libtesseract is there (tesslib.py)."""
    return shutil.which("tesseract") or ("libtesseract" if tesslib.api() is not None else None)


def best_model() -> bool:
    """Whether the second model can read (tesslib.use_best_tessdata: a model set and a reader)."""
    return bool(tesslib.best_dir()) and (tesslib.best_api() is not None or shutil.which("tesseract") is not None)


def make_sheet(lines: list[np.ndarray]) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Stack grey line images on white; returns the sheet and each line's (top, bottom) rows."""
    width = max(img.shape[1] for img in lines) + 2 * MARGIN
    height = sum(img.shape[0] for img in lines) + GAP * (len(lines) - 1) + 2 * MARGIN
    sheet = np.full((height, width), 255, np.uint8)
    spans = []
    y = MARGIN
    for img in lines:
        sheet[y:y + img.shape[0], MARGIN:MARGIN + img.shape[1]] = img
        spans.append((y, y + img.shape[0]))
        y += img.shape[0] + GAP
    return sheet, spans


def run_tsv(img: np.ndarray, psm: int = 6, whitelist: str | None = None,
            best: bool = False) -> list[tuple[int, int, int, str, float]]:
    """Words as (left, top, height, text, confidence 0..100), in reading order. `best`: read with
    the second model (tesslib.use_best_tessdata; the caller checks it is there)."""
    # The same image read the same way before in this capture: that reading (once.py).
    return once(lambda: image_key([img], "tesseract", psm, whitelist, best and tesslib.best_dir()),
                lambda: _run_tsv(img, psm, whitelist, best))


def _run_tsv(img: np.ndarray, psm: int, whitelist: str | None, best: bool) -> list[tuple[int, int, int, str, float]]:
    lib = tesslib.best_api() if best else tesslib.api()
    if lib is not None:
        return _words(lib.tsv(img, psm, whitelist).splitlines())
    ok, png = cv2.imencode(".png", img)
    cmd = [tesseract_path() or "tesseract", "stdin", "stdout", "--psm", str(psm), "-l", "eng"]
    if best and tesslib.best_dir():
        cmd += ["--tessdata-dir", tesslib.best_dir()]
    for name, value in tesslib.SETTINGS:
        cmd += ["-c", f"{name}={value}"]
    if whitelist:
        cmd += ["-c", f"tessedit_char_whitelist={whitelist}"]
    cmd.append("tsv")
    # One OMP thread: the camera loop needs the kiosk's other core (threads.py).
    out = subprocess.run(cmd, input=png.tobytes(), capture_output=True, timeout=20,
                         env={"OMP_THREAD_LIMIT": str(threads.TESSERACT_THREADS), "PATH": "/usr/bin:/bin"})
    if out.returncode != 0:
        raise RuntimeError(f"tesseract failed: {out.stderr[:200]!r}")
    return _words(out.stdout.decode("utf-8", "replace").splitlines()[1:])  # [0]: the header row


def _words(rows: list[str]) -> list[tuple[int, int, int, str, float]]:
    words = []
    for row in rows:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5" or not parts[11].strip():
            continue
        words.append((int(parts[6]), int(parts[7]), int(parts[9]), parts[11].strip(), float(parts[10])))
    return words


def read_lines(lines: list[np.ndarray], whitelist: str | None = None) -> list[tuple[str, list[float]]]:
    """Text of each line image with the confidence of each of its words, read in one call."""
    return _read_lines(lines, whitelist, second=False)


def read_lines_best(lines: list[np.ndarray], whitelist: str | None = None) -> list[tuple[str, list[float]]]:
    """read_lines with the second model (tesslib.use_best_tessdata; best_model() says it is there)."""
    return _read_lines(lines, whitelist, second=True)


def _read_lines(lines: list[np.ndarray], whitelist: str | None, second: bool) -> list[tuple[str, list[float]]]:
    if not lines:
        return []
    sheet, spans = make_sheet(lines)
    words = run_tsv(sheet, whitelist=whitelist, best=True) if second else run_tsv(sheet, whitelist=whitelist)
    found: list[list[tuple[int, str, float]]] = [[] for _ in lines]
    for left, top, height, text, conf in words:
        mid = top + height / 2
        best = min(range(len(spans)), key=lambda i: 0 if spans[i][0] <= mid <= spans[i][1]
                   else min(abs(mid - spans[i][0]), abs(mid - spans[i][1])))
        found[best].append((left, text, conf))
    out = []
    for ws in found:
        ws.sort()
        out.append((" ".join(t for _, t, _c in ws), [c for _, _t, c in ws]))
    return out
