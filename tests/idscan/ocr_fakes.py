"""Recognisers replaced by what they would read on each line: crop k's line j is an image marked
k * 10 + j, and a fake recogniser reads the text `read(k, j)` gives for it."""
from __future__ import annotations

import datetime as dt
from typing import Callable

import numpy as np

from idscan.reader import NAME_HEIGHT, read_cards


def marked_lines(crop: np.ndarray) -> list[tuple[np.ndarray, bool, np.ndarray]]:
    """reader.card_lines for a crop marked k (its first pixel): 7 lines marked k * 10 + j."""
    k = int(crop[0, 0, 0])
    return [(np.full((20, 60), k * 10 + j, np.uint8), False, np.full((NAME_HEIGHT, 90), k * 10 + j, np.uint8))
            for j in range(7)]


def recogniser(read: Callable[[int, int], str], per_word: bool = True):
    """A read_lines that reads read(k, j) on line j of crop k, 90 % sure of each word (per_word,
    as Tesseract reports) or of the line (as RapidOCR does)."""
    def read_lines(images, whitelist=None):
        out = []
        for img in images:
            text = read(*divmod(int(img[0, 0]), 10))
            out.append((text, [90.0] * len(text.split()) if per_word else [90.0]))
        return out
    return read_lines


def install(monkeypatch, tesseract_lines: Callable, rapid_lines: Callable) -> None:
    """Crops cut into marked lines (marked_lines), read by these fake recognisers; no second model."""
    import idscan.rapid
    import idscan.reader
    import idscan.tesseract

    monkeypatch.setattr(idscan.reader, "card_lines", marked_lines)
    monkeypatch.setattr(idscan.tesseract, "read_lines", tesseract_lines)
    monkeypatch.setattr(idscan.tesseract, "best_model", lambda: False)
    monkeypatch.setattr(idscan.rapid, "read_lines", rapid_lines)


def sure_rapid(read: Callable[[int, int], str]):
    """A RapidOCR read_lines that reads read(k, j) on line j of crop k, scoring each character 0.99
    (the scores the last-digit rules look at)."""
    import idscan.rapid

    def read_lines(images):
        out = []
        for img in images:
            text = read(*divmod(int(img[0, 0]), 10))
            idscan.rapid.remember_chars(img, text, [0.99] * len(text))
            out.append((text, [90.0]))
        return out
    return read_lines


def install_both_models(monkeypatch, tesseract_lines: Callable, rapid_lines: Callable) -> None:
    """As install, but Tesseract's second model (where the machine has one) reads as its first."""
    import idscan.rapid
    import idscan.reader
    import idscan.tesseract

    monkeypatch.setattr(idscan.reader, "card_lines", marked_lines)
    monkeypatch.setattr(idscan.tesseract, "read_lines", tesseract_lines)
    monkeypatch.setattr(idscan.tesseract, "read_lines_best", tesseract_lines)
    monkeypatch.setattr(idscan.rapid, "read_lines", rapid_lines)


def read_marked(n: int, regions: dict[str, str], today: dt.date = dt.date(2026, 1, 1)):
    """read_cards on n crops marked 0 .. n-1, the way every fake-recogniser test reads its card."""
    crops = [np.full((2, 2, 3), k, np.uint8) for k in range(n)]
    return read_cards(crops, "both", regions, today=today)


def install_models(monkeypatch, tesseract_read: Callable[[int, int], str],
                   rapid_read: Callable[[int, int], str]) -> dict[tuple[str, int], int]:
    """As install, but the fakes stand for the recognisers' models themselves (Tesseract's sheet
    reader and RapidOCR's two recognition models) under the engine's own read_lines, read_names
    and read_chars, so whatever the engine does with a reading runs as it does on a kiosk. Returns
    how often each model read each line: {(model, crop k * 10 + line j): calls}, the models being
    "tesseract" (digits-only readings counted apart as "tesseract digits"), "rapidocr" and "names"."""
    import idscan.rapid
    import idscan.reader
    import idscan.tesseract

    calls: dict[tuple[str, int], int] = {}
    models = {"rapidocr": object(), "names": object()}

    def sheet(img, psm=6, whitelist=None, best=False):
        """The words of each marked line of a sheet (tesseract.make_sheet: lines on white)."""
        inked = np.flatnonzero((img < 255).any(axis=1))
        starts = [y for i, y in enumerate(inked) if i == 0 or inked[i - 1] != y - 1]
        words = []
        for top in starts:
            mark = int(img[top][img[top] < 255][0])
            key = ("tesseract digits" if whitelist else "tesseract", mark)
            calls[key] = calls.get(key, 0) + 1
            for i, word in enumerate(tesseract_read(*divmod(mark, 10)).split()):
                words.append((10 + 40 * i, top, 20, word, 90.0))
        return words

    def recognised(lines, engine):
        model = next(name for name, m in models.items() if m is engine)
        out = []
        for img in lines:
            mark = int(img[0, 0])
            calls[(model, mark)] = calls.get((model, mark), 0) + 1
            text = rapid_read(*divmod(mark, 10))
            out.append((text, 0.9, [0.99] * len(text), list(range(len(text)))))
        return out

    monkeypatch.setattr(idscan.reader, "card_lines", marked_lines)
    monkeypatch.setattr(idscan.tesseract, "_run_tsv", sheet)
    monkeypatch.setattr(idscan.tesseract, "best_model", lambda: False)
    monkeypatch.setattr(idscan.rapid, "_recognised", recognised)
    monkeypatch.setattr(idscan.rapid, "_rapid", lambda: models["rapidocr"])
    monkeypatch.setattr(idscan.rapid, "_names_engine", lambda: models["names"])
    return calls


def install_nik_and_birth(monkeypatch, tess_text: Callable[[int], str], rapid_nik: str, rapid_birth: str, *,
                          doubt: dict[int, float] | None = None, nik_line: int = 2, birth_line: int = 4) -> None:
    """A card whose line j Tesseract reads as tess_text(j) (a digits-only reading keeps only the
    digits), and RapidOCR as the same without spaces, except: the NIK line, read "NIK : rapid_nik"
    with a score of 0.99 for each character but `doubt` {NIK position (0-based): score}, and the
    birth line, read `rapid_birth` by its names model."""
    import idscan.rapid

    def tesseract(images, whitelist=None):
        out = []
        for img in images:
            got = tess_text(int(img[0, 0]) % 10)
            if whitelist:
                got = "".join(c for c in got if c in whitelist)
            out.append((got, [90.0] * len(got.split())))
        return out

    def rapid_lines(images):
        out = []
        for img in images:
            j = int(img[0, 0]) % 10
            if j == birth_line and getattr(idscan.rapid._FOR, "names", False):
                got = rapid_birth
            elif j == nik_line:
                got = f"NIK : {rapid_nik}"
                confs = [0.99] * len(got)
                for at, score in (doubt or {}).items():
                    confs[len("NIK : ") + at] = score
                idscan.rapid.remember_chars(img, got, confs)  # as the recogniser's reading scores it
            else:
                got = tess_text(j).replace(" ", "")
            out.append((got, [90.0]))
        return out

    install(monkeypatch, tesseract, rapid_lines)
