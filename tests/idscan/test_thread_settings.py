"""The engine runs each library with one thread of its own (idscan/threads.py): the kiosk reads
several kiosks' frames and captures at once on two cores, and a library's pool on top of that
adds CPU without a shorter wait (docs/idscan.md, Run 18t). Each case runs in a fresh interpreter:
OpenMP's limit and OpenCV's pool are process-wide and set when the engine loads."""
from __future__ import annotations

import ctypes.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _fresh(code: str, **env: str) -> dict:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("IDSCAN_", "OMP_"))}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**environ, "PYTHONPATH": str(ROOT), **env})
    return json.loads(out.stdout.strip().splitlines()[-1])


SESSIONS = """
import json
from idscan import rapid
out = []
for engine in (rapid._rapid(), rapid._names_engine()):
    opts = engine.text_rec.session.session.get_session_options()
    out.append([opts.intra_op_num_threads, opts.inter_op_num_threads,
                opts.get_session_config_entry("session.intra_op.allow_spinning")])
print(json.dumps({"sessions": out}))
"""


def _rapidocr() -> bool:
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not _rapidocr(), reason="rapidocr-onnxruntime is not installed")
def test_the_recognisers_sessions_use_one_thread_and_do_not_spin():
    assert _fresh(SESSIONS)["sessions"] == [[1, 1, "0"], [1, 1, "0"]]


@pytest.mark.skipif(not _rapidocr(), reason="rapidocr-onnxruntime is not installed")
def test_a_measurement_may_ask_for_more_recogniser_threads_which_still_do_not_spin():
    assert _fresh(SESSIONS, IDSCAN_ORT_THREADS="2")["sessions"] == [[2, 1, "0"], [2, 1, "0"]]


@pytest.mark.skipif(not ctypes.util.find_library("tesseract"), reason="libtesseract is not installed")
def test_libtesseract_runs_with_one_openmp_thread_even_where_the_environment_allows_more():
    code = ("import json\nfrom idscan import tesslib, threads\n"
            "loaded = tesslib.api() is not None\n"
            "print(json.dumps({'loaded': loaded, 'limit': threads.openmp_thread_limit()}))")
    got = _fresh(code, OMP_THREAD_LIMIT="8")
    if not got["loaded"]:
        pytest.skip("libtesseract has no eng model here")
    # Debian's libtesseract uses libgomp; a build without OpenMP has no limit to set.
    assert got["limit"] in (1, None)


def test_the_engine_runs_opencv_with_one_thread():
    code = "import json, cv2, idscan.engine\nprint(json.dumps({'threads': cv2.getNumThreads()}))"
    assert _fresh(code)["threads"] == 1
