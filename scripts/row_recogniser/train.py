"""Train the row recogniser (a small CRNN with CTC) on rows rendered on the fly, and export it to ONNX.

Torch is a training-time tool: run this in a venv of its own (see README.md beside it); the product
runs the exported .onnx through onnxruntime, which it has already.

    nice -n 5 /path/to/torchvenv/bin/python scripts/row_recogniser/train.py --minutes 45 --out /tmp/rowrec
"""
from __future__ import annotations

import argparse
import math
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

import render
from onnx_reader import decode

CLASSES = len(render.CHARSET) + 1  # CTC blank at 0


class RowRecogniser(nn.Module):
    """32 px high grey row -> per-column character probabilities, one column per 4 input px."""

    def __init__(self) -> None:
        super().__init__()

        def block(cin: int, cout: int) -> list[nn.Module]:
            return [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]

        self.conv = nn.Sequential(
            *block(1, 16), nn.MaxPool2d(2),  # 16 x W/2
            *block(16, 48), nn.MaxPool2d(2),  # 8 x W/4
            *block(48, 64), *block(64, 64), nn.MaxPool2d((2, 1)),  # 4 x W/4
            *block(64, 96), *block(96, 96), nn.MaxPool2d((2, 1)),  # 2 x W/4
            nn.Conv2d(96, 160, (2, 1), bias=False), nn.BatchNorm2d(160), nn.ReLU(inplace=True),  # 1 x W/4
        )
        self.rnn = nn.GRU(160, 128, bidirectional=True, batch_first=True)
        self.head = nn.Linear(256, CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # x: B x 1 x 32 x W -> B x T x C (logits)
        f = self.conv(x).squeeze(2).permute(0, 2, 1)
        return self.head(self.rnn(f)[0])


class Exported(nn.Module):
    """The model as exported: softmax probabilities, B x T x C."""

    def __init__(self, model: RowRecogniser) -> None:
        super().__init__()
        self.model = model

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.model(x).softmax(-1)


def encode(text: str) -> list[int]:
    return [render.CHARSET.index(c) + 1 for c in text if c in render.CHARSET]


def batch(rng: np.random.Generator, n: int) -> tuple[torch.Tensor, list[str]]:
    texts = [render.name_text(rng) for _ in range(n)]
    return stack([render.model_input(render.render_row(rng, t)) for t in texts], texts)


def stack(imgs: list[np.ndarray], texts: list[str]) -> tuple[torch.Tensor, list[str]]:
    n = len(imgs)
    w = max(i.shape[1] for i in imgs)
    w += (-w) % 4
    x = np.ones((n, 1, render.HEIGHT, w), np.float32)  # padded with paper (white)
    for i, img in enumerate(imgs):
        x[i, 0, :, :img.shape[1]] = img
    return torch.from_numpy(x), texts


def loader(seed: int, n: int, queue_size: int = 8):
    """Batches rendered in a second process while the first trains (one core each)."""
    import multiprocessing as mp

    q: mp.Queue = mp.get_context("fork").Queue(queue_size)

    def work() -> None:
        rng = np.random.default_rng(seed)
        while True:
            # four batches' rows sorted by width: a batch is padded to its widest row
            texts = [render.name_text(rng) for _ in range(4 * n)]
            imgs = [render.model_input(render.render_row(rng, t)) for t in texts]
            order = np.argsort([i.shape[1] for i in imgs])
            for k in rng.permutation(4):
                part = order[k * n:(k + 1) * n]
                x, t = stack([imgs[i] for i in part], [texts[i] for i in part])
                q.put((x.numpy(), t))

    p = mp.get_context("fork").Process(target=work, daemon=True)
    p.start()
    while True:
        x, t = q.get()
        yield torch.from_numpy(x), t


def accuracy(model: nn.Module, x: torch.Tensor, texts: list[str]) -> float:
    model.eval()
    with torch.no_grad():
        probs = model(x).softmax(-1).numpy()
    model.train()
    return float(np.mean([decode(p)[0] == t for p, t in zip(probs, texts)]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=45)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--out", type=Path, default=Path("/tmp/rowrec"))
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    model = RowRecogniser()
    print(f"parameters: {sum(p.numel() for p in model.parameters()):,}", flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    val_x, val_t = batch(np.random.default_rng(999), 256)  # a fixed rendered check, never dev rows
    budget, start, step, seen = args.minutes * 60, time.time(), 0, 0
    for x, texts in loader(args.seed, args.batch):
        frac = (time.time() - start) / budget
        if frac >= 1:
            break
        # warm up over the first 3 %, then cosine down to 2 % of the rate
        lr = args.lr * (min(1.0, frac / 0.03) * (0.02 + 0.98 * 0.5 * (1 + math.cos(math.pi * frac))))
        for g in opt.param_groups:
            g["lr"] = lr
        logp = model(x).log_softmax(-1).permute(1, 0, 2)  # T x B x C
        targets = [encode(t) for t in texts]
        loss = ctc(logp, torch.tensor([c for t in targets for c in t]),
                   torch.full((len(texts),), logp.shape[0], dtype=torch.long),
                   torch.tensor([len(t) for t in targets]))
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        opt.step()
        step, seen = step + 1, seen + len(texts)
        if step % 100 == 0:
            print(f"step {step} rows {seen} {time.time() - start:.0f}s lr {lr:.5f} loss {loss.item():.3f}", flush=True)
        if step % 500 == 0:
            print(f"  rendered check, rows exact: {accuracy(model, val_x, val_t):.3f}", flush=True)
            torch.save(model.state_dict(), args.out / "model.pt")
    torch.save(model.state_dict(), args.out / "model.pt")
    print(f"done: {step} steps, {seen} rows; rendered check exact {accuracy(model, val_x, val_t):.3f}", flush=True)
    export(model, args.out / "row_recogniser.onnx")


def export(model: RowRecogniser, path: Path) -> None:
    model.eval()
    torch.onnx.export(Exported(model), torch.ones(1, 1, render.HEIGHT, 200), str(path), input_names=["x"],
                      output_names=["probs"], dynamic_axes={"x": {0: "batch", 3: "width"}, "probs": {0: "batch", 1: "steps"}},
                      opset_version=17, dynamo=False)
    print(f"exported {path} ({path.stat().st_size / 1e6:.1f} MB)", flush=True)


if __name__ == "__main__":
    main()
