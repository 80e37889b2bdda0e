"""Time the job that makes small copies of signatures stored before the kiosk made them (issue 16).

Builds N visits signed with a kiosk-sized signature (900x360 greyscale PNG, encrypted storage) and
no small copy, on a temporary SQLite database, then times in one run:
- baseline: what a guest book month paid per signed row before (the full signature read and made
  small, `guestbook_files.signature_image` without a small copy);
- the job `signature_small_copies` making every copy (wall and CPU, batches of `BATCH`);
- the same rows read again afterwards (the small copy as stored).

    nice -n 10 .venv/bin/python bench/signature_copies.py [--visits 2000]
"""
from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def drawn(seed: int) -> bytes:
    import numpy as np
    from PIL import Image, ImageDraw

    image = Image.new("L", (900, 360), 255)
    rng = np.random.default_rng(seed)
    ImageDraw.Draw(image).line([(int(x), int(y)) for x, y in zip(np.linspace(40, 860, 14), rng.integers(60, 300, 14))],
                               fill=0, width=6)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def read_all(app, small: bool) -> float:
    from sqlalchemy import select

    from admin.reports.guestbook_files import signature_image
    from lpsedesk.extensions import db
    from lpsedesk.models.visit_files import VisitFiles

    storage = app.extensions["storage"]
    with app.app_context():
        rows = db.session.execute(select(VisitFiles.signature_key, VisitFiles.signature_small_key)).all()
        started = time.process_time()
        for full, copy in rows:
            assert signature_image(storage, full, copy if small else None) is not None
        return (time.process_time() - started) / len(rows) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--visits", type=int, default=2000)
    args = parser.parse_args()
    from flask_migrate import upgrade

    from lpsedesk import create_app
    from lpsedesk.extensions import db
    from lpsedesk.jobs import run_once
    from lpsedesk.models import Visit, Visitor
    from lpsedesk.models.visit_files import VisitFiles

    folder = tempfile.mkdtemp(prefix="sigcopies-")
    app = create_app({"DATABASE_URL": f"sqlite:///{folder}/b.db", "STORAGE_DIR": f"{folder}/files"},
                     instance_path=f"{folder}/instance")
    storage = app.extensions["storage"]
    pictures = [drawn(i) for i in range(50)]
    with app.app_context():
        upgrade()
        when = datetime.now(timezone.utc) - timedelta(days=40)
        for i in range(args.visits):
            visitor = Visitor(full_name=f"Penanda Tangan {i}", nik=f"3373020101{i % 90 + 10:02d}{i % 10000:04d}",
                              phone="081234560001", institution="CV Contoh", category="penyedia")
            db.session.add(Visit(visitor=visitor, purpose="verification", facility="verification_desk",
                                 planned_minutes=60, status="reported", submitted_at=when,
                                 signature_key=storage.save(pictures[i % 50], kind="signature")))
        db.session.commit()
        assert db.session.query(VisitFiles).count() == args.visits
    load = os.getloadavg()[0]
    before = read_all(app, small=False)
    wall, cpu = time.monotonic(), time.process_time()
    outcome = run_once(app, ["signature_small_copies"])["signature_small_copies"]
    wall, cpu = time.monotonic() - wall, time.process_time() - cpu
    after = read_all(app, small=True)
    with app.app_context():
        left = db.session.query(VisitFiles).filter(VisitFiles.signature_small_key.is_(None)).count()
    print(f"{args.visits} signed visits without small copies; load average {load:.1f} -> {os.getloadavg()[0]:.1f}")
    print(f"baseline: a signed row read for the guest book without a copy: {before:.2f} ms CPU")
    print(f"job signature_small_copies: {outcome}; {wall:.1f} s wall, {cpu:.1f} s CPU "
          f"({cpu / args.visits * 1000:.2f} ms CPU a signature); left without a copy: {left}")
    print(f"after: a signed row read for the guest book: {after:.2f} ms CPU")


if __name__ == "__main__":
    main()
