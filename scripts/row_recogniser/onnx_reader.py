"""The exported row recogniser run by onnxruntime, as the engine would run it (measure.py reads with it).

Run 41r measured it beside the names model and did not adopt it (docs/idscan.md): this stays beside
the training scripts, not in idscan/. Were it adopted, this is the module to move into idscan/ (pure:
numpy, OpenCV, onnxruntime) with the .onnx under idscan/models/.
"""
from __future__ import annotations

import sys
import threading
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from idscan import threads  # noqa: E402 - the engine's onnxruntime session options
from render import CHARSET, model_input  # noqa: E402 - CTC classes 1.. (0 is the blank); the input as trained

MODEL = Path("/tmp/rowrec/row_recogniser.onnx")  # train.py's default output


class RowReader:
    """One onnxruntime session of the model at `path`; read() takes a grey row as read_names shows it."""

    def __init__(self, path: Path = MODEL) -> None:
        import onnxruntime as ort

        self.session = ort.InferenceSession(str(path), sess_options=threads.ort_session_options(),
                                            providers=["CPUExecutionProvider"])
        self.lock = threading.Lock()  # one session, reads from several capture threads

    def read(self, row: np.ndarray) -> tuple[str, list[float]]:
        """(text, each character's probability) of a grey uint8 row (greedy CTC)."""
        x = model_input(row)
        with self.lock:
            probs = self.session.run(None, {"x": x[None, None]})[0][0]
        return decode(probs)


def decode(probs: np.ndarray) -> tuple[str, list[float]]:
    """Greedy CTC over steps x classes probabilities: a repeat merged, the blank dropped; each
    character's probability is its step's."""
    best = probs.argmax(axis=1)
    text, sure, prev = [], [], 0
    for t, k in enumerate(best):
        if k != prev and k != 0:
            text.append(CHARSET[k - 1])
            sure.append(float(probs[t, k]))
        prev = k
    return "".join(text), sure
