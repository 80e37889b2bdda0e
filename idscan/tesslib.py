"""Tesseract in the kiosk's own process (libtesseract's C API through ctypes).

The command line loads the model at every call: ~90 ms of CPU per capture on this machine, a
third of Tesseract's share of a capture (docs/idscan.md, Run 7). Here the model is loaded once per
process and every sheet is read by the same recogniser with the same settings as the CLI
(`--psm 6`, SETTINGS, 70 dpi as the CLI assumes for a PNG without one), so
the words and confidences are the same. ctypes releases the GIL for the call, so RapidOCR still
reads in its thread meanwhile. Without the library the CLI is used (tesseract.py).
"""
from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import os
import threading
from functools import lru_cache

import numpy as np

from . import threads

RESOLUTION = 70  # dpi the CLI assumes for our sheets (a PNG without a resolution)
# As the CLI is called (tesseract.py). Not `tessedit_do_invert=0` (no second pass over a
# low-confidence line as light-on-dark text): 5-8 % less Tesseract CPU and the same dev outcomes,
# but it changed Tesseract's readings on 45 of 243 dev frames (docs/idscan.md, Run 7).
SETTINGS = (("preserve_interword_spaces", "1"),)


class TessApi:
    def __init__(self, lib: ctypes.CDLL, datapath: str | None = None) -> None:
        vp, cp, i = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
        for fn, args, res in (("TessBaseAPICreate", [], vp), ("TessBaseAPIInit3", [vp, cp, cp], i),
                              ("TessBaseAPISetVariable", [vp, cp, cp], i), ("TessBaseAPISetPageSegMode", [vp, i], None),
                              ("TessBaseAPISetImage", [vp, vp, i, i, i, i], None),
                              ("TessBaseAPISetSourceResolution", [vp, i], None), ("TessBaseAPIGetTsvText", [vp, i], vp),
                              ("TessDeleteText", [vp], None), ("TessBaseAPIClear", [vp], None),
                              ("TessBaseAPIEnd", [vp], None), ("TessBaseAPIDelete", [vp], None)):
            getattr(lib, fn).argtypes, getattr(lib, fn).restype = args, res
        self.lib = lib
        self.handle = lib.TessBaseAPICreate()
        if not self.handle or lib.TessBaseAPIInit3(self.handle, datapath.encode() if datapath else None, b"eng") != 0:
            raise RuntimeError("tesseract: the eng model did not load")
        # Its warnings ("Invalid resolution", "Detected N diacritics") went to the CLI's stderr.
        lib.TessBaseAPISetVariable(self.handle, b"debug_file", b"/dev/null")
        for name, value in SETTINGS:
            lib.TessBaseAPISetVariable(self.handle, name.encode(), value.encode())
        self.lock = threading.Lock()  # one recogniser: one sheet at a time
        self.whitelist = ""
        atexit.register(self.close)

    def tsv(self, img: np.ndarray, psm: int = 6, whitelist: str | None = None) -> str:
        """The CLI's `tsv` output for a grey image, without its header row."""
        img = np.ascontiguousarray(img, dtype=np.uint8)
        h, w = img.shape
        lib, api = self.lib, self.handle
        with self.lock:
            if (whitelist or "") != self.whitelist:
                lib.TessBaseAPISetVariable(api, b"tessedit_char_whitelist", (whitelist or "").encode())
                self.whitelist = whitelist or ""
            lib.TessBaseAPISetPageSegMode(api, psm)
            lib.TessBaseAPISetImage(api, img.ctypes.data, w, h, 1, w)
            lib.TessBaseAPISetSourceResolution(api, RESOLUTION)
            ptr = lib.TessBaseAPIGetTsvText(api, 0)
            try:
                return ctypes.string_at(ptr).decode("utf-8", "replace") if ptr else ""
            finally:
                if ptr:
                    lib.TessDeleteText(ptr)
                lib.TessBaseAPIClear(api)

    def close(self) -> None:
        with self.lock:
            if self.handle:
                self.lib.TessBaseAPIEnd(self.handle)
                self.lib.TessBaseAPIDelete(self.handle)
                self.handle = None


# A directory holding a second eng.traineddata (tessdata_best converted to int: the Makefile's
# var/tessdata), read only where the recognisers disagree on the NIK (reader.BEST_CONFIRM). Set by
# the caller (use_best_tessdata); None or a directory without the file: no such reading.
_best_dir: str | None = None


def use_best_tessdata(directory: str | os.PathLike | None) -> None:
    """Where the second model lies (a directory with eng.traineddata), or None for none."""
    global _best_dir
    found = str(directory) if directory and os.path.isfile(os.path.join(directory, "eng.traineddata")) else None
    if found != _best_dir:
        _best_dir = found
        best_api.cache_clear()


def best_dir() -> str | None:
    return _best_dir


@lru_cache(maxsize=1)
def api() -> TessApi | None:
    """The process's recogniser (the system's eng model), or None (no libtesseract, or no model)."""
    return _load(None)


@lru_cache(maxsize=1)
def best_api() -> TessApi | None:
    """The recogniser of the second model (use_best_tessdata), or None (none set, or no library)."""
    return _load(_best_dir) if _best_dir else None


def _load(datapath: str | None) -> TessApi | None:
    if os.environ.get("IDSCAN_TESSERACT_CLI"):
        return None  # measurements and tests of the command-line path
    # One OpenMP thread, as the CLI is run: the kiosk's other core reads with RapidOCR meanwhile
    # (read when libgomp loads, which is with libtesseract here; threads.py).
    threads.limit_openmp()
    try:
        return TessApi(ctypes.CDLL(ctypes.util.find_library("tesseract") or "libtesseract.so.5"), datapath)
    except (OSError, AttributeError, RuntimeError):
        return None
