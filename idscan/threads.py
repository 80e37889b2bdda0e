"""How many threads the engine's libraries may use: one each, set here for the whole engine.

The kiosk reads frames and captures of several kiosks at once in the server's request threads
(waitress) on a 2-core machine, and one capture already runs Tesseract and RapidOCR side by side
(reader._read_sets). A library's own thread pool on top of that does not give a busy kiosk more
cores; it adds CPU: onnxruntime's second intra-op thread +65 % CPU a recogniser call with its
spin-waiting (+45 % without), libtesseract's OpenMP (Debian builds it with libgomp) about 4 times
the CPU of a sheet, OpenCV's pool 1-2 ms a frame (docs/idscan.md, Runs 13c and 18t). Every library
computes the same numbers with one thread (Run 18t: the recognisers' outputs bit for bit).
The IDSCAN_* variables are for measurements.
"""
from __future__ import annotations

import ctypes
import os

import cv2


def _count(name: str) -> int:
    try:
        return max(1, int(os.environ.get(name, "1")))
    except ValueError:
        return 1


ORT_THREADS = _count("IDSCAN_ORT_THREADS")  # onnxruntime intra-op threads of a recogniser session
TESSERACT_THREADS = _count("IDSCAN_TESSERACT_THREADS")  # libtesseract's OpenMP threads (the whole process)
OPENCV_THREADS = _count("IDSCAN_OPENCV_THREADS")  # OpenCV's parallel_for pool (the whole process)

cv2.setNumThreads(OPENCV_THREADS)


def ort_session_options():
    """Options of a recogniser's onnxruntime session: ORT_THREADS intra-op threads, one
    inter-op thread, and no spin-waiting between calls (a pool's idle threads spin by default,
    burning the core another capture or the camera loop needs; without a pool, as with one
    thread, nothing spins). The rest as rapidocr-onnxruntime sets them, so the outputs are the same."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.log_severity_level = 4
    opts.enable_cpu_mem_arena = False
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.intra_op_num_threads = ORT_THREADS
    opts.inter_op_num_threads = 1
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return opts


def limit_openmp() -> None:
    """OpenMP's thread limit for libtesseract. libgomp reads it once, when it loads (with
    libtesseract, tesslib._load): called before that. Tesseract's LSTM asks for 4 threads per
    layer step however many cores there are; the limit is the only setting that holds them."""
    os.environ["OMP_THREAD_LIMIT"] = str(TESSERACT_THREADS)


def openmp_thread_limit() -> int | None:
    """The thread limit libgomp runs with in this process, or None where it is not loaded."""
    noload = getattr(os, "RTLD_NOLOAD", None)  # not on Windows, where Tesseract runs without libgomp
    if noload is None:
        return None
    try:
        gomp = ctypes.CDLL("libgomp.so.1", mode=noload)
    except OSError:
        return None
    return int(gomp.omp_get_thread_limit())
