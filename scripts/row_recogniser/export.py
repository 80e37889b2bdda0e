"""Export a trained checkpoint (train.py's model.pt) to ONNX, e.g. one saved mid-training.

    /path/to/torchvenv/bin/python scripts/row_recogniser/export.py /tmp/rowrec/model.pt OUT.onnx
"""
from __future__ import annotations

import sys
from pathlib import Path

import torch

import train

if __name__ == "__main__":
    torch.set_num_threads(1)
    model = train.RowRecogniser()
    model.load_state_dict(torch.load(sys.argv[1], map_location="cpu"))
    train.export(model, Path(sys.argv[2]))
