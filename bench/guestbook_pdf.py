"""Time the guest book PDF of one busy month (issue 16: 20,000 rows in under 10 s), in-process.

A 20k-row month needs about 700k visits of history in bench/scale.py; this builds the month's
rows directly instead (synthetic GuestBookRows: names and institutions of every length, some
wrapping over two or three lines, delegated decisions on two lines, refusals with a reason,
restricted visits with their escort lines, and a signature on most rows read through a storage
that hands back a kiosk-sized PNG), and renders them through the same code as the download
(`guestbook_spec` + `guestbook_pdf`). `GET /healthz` is timed in the same process before and
after, as the load reference, with the load average.

    nice -n 10 .venv/bin/python bench/guestbook_pdf.py [--rows 20000] [--signed 0.9] [--no-small] [--rounds 1] [--profile FILE]
"""
from __future__ import annotations

import argparse
import io
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WIB = ZoneInfo("Asia/Jakarta")
NAMES = ["Sari", "Budi Santoso", "Bùi Thị Ánh Nguyễn", "Śmigły Ørsted", "Dwi", "Muhammad Rizky Pratama",
         "Raden Ajeng Kartika Dewi Sekar Ayu Ningrum Wulandari", "Andi", "Yohanes Paulus Siregar"]
INSTITUTIONS = ["CV Contoh", "PT Contoh Teknologi Nusantara", "Dinas Pekerjaan Umum dan Penataan Ruang Kota Contoh",
                "PT Ñandú", "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah Kabupaten Contoh",
                "Perorangan"]


class Storage:
    """Every key opens its own signature image (like the kiosk's signing box, greyscale PNG), so
    no two rows share a picture as in a real month; a "sigsmall-" key opens the small copy the
    kiosk stores beside it. Making the image (and encrypting it) is timed apart (`spent`); decrypting
    it, as the real storage does, is counted."""

    def __init__(self) -> None:
        from cryptography.fernet import Fernet

        self.spent = self.spent_cpu = 0.0
        self.fernet = Fernet(Fernet.generate_key())

    def open(self, key: str) -> bytes:
        from PIL import Image, ImageDraw

        from lpsedesk.signatures import small_png

        start, start_cpu = time.perf_counter(), time.process_time()
        k = int(key.rsplit("-", 1)[-1])
        image = Image.new("L", (900, 360), 255)  # the kiosk's signing box, stored as kiosk/images.py does
        ImageDraw.Draw(image).line([(60, 270), (250, 60 + k % 97), (420, 290 - k % 89), (600, 90 + k % 13),
                                    (700, 250), (840, 120)], fill=0, width=6, joint="curve")
        if key.startswith("sigsmall-"):
            data = small_png(image)
        else:
            out = io.BytesIO()
            image.save(out, format="PNG", optimize=True)
            data = out.getvalue()
        token = self.fernet.encrypt(data)
        self.spent += time.perf_counter() - start
        self.spent_cpu += time.process_time() - start_cpu
        return self.fernet.decrypt(token)


def rows(n: int, signed: float, seed: int = 16, small: bool = True):
    from lpsedesk.reports.guestbook import GuestBookRow
    from lpsedesk.reports.restricted_log import AreaFacts, DeviceLine

    rnd = random.Random(seed)
    start = datetime(2026, 11, 1, 7, 30, tzinfo=WIB)
    step = timedelta(days=30) / max(n, 1)
    for number in range(1, n + 1):
        at = start + step * number
        decision = rnd.choices(["approved", "denied", "pending", "expired"], [85, 8, 4, 3])[0]
        restricted = rnd.random() < 0.05
        area = (AreaFacts(restricted=True, escort="Dewi Helpdesk", area_in=at, area_out=at + timedelta(minutes=40),
                          devices=(DeviceLine("laptop", "Lenovo", "SN-123", True),)) if restricted else AreaFacts())
        yield GuestBookRow(
            number=number, visit_id=number, day=at.date(), name=rnd.choice(NAMES), nik="3373**********01",
            institution=rnd.choice(INSTITUTIONS), category=rnd.choice(["penyedia", "umum", "pemerintah"]),
            purpose=rnd.choice(["verification", "consultation", "other"]),
            purpose_detail="membawa dokumen asli" if rnd.random() < 0.2 else "",
            facility="verification_desk", time_in=at, time_out=at + timedelta(minutes=25) if decision == "approved" else None,
            status="reported" if decision == "approved" else decision, decision=decision,
            decided_by=rnd.choice(["Bambang", "Dewi Plh a.n. Bambang Kasubag"]) if decision in ("approved", "denied") else "",
            decision_reason="Dokumen tidak lengkap, mohon datang kembali" if decision == "denied" else "",
            signature_key=f"sig-{number}" if (sign := rnd.random() < signed) else None, area=area,
            signature_small_key=f"sigsmall-{number}" if sign and small else None)


def healthz(client, rounds: int = 20) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        client.get("/healthz")
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--signed", type=float, default=0.9, help="share of rows with a signature (bench/scale.py's "
                        "history has none that can be read: 0)")
    parser.add_argument("--no-small", action="store_true", help="signatures stored before their small copy "
                        "was kept (each read whole and made small)")
    parser.add_argument("--profile", help="write a cProfile of one round to this file")
    parser.add_argument("--out", help="write the PDF here")
    args = parser.parse_args()

    from flask_migrate import upgrade

    from admin.reports.documents import guestbook_spec
    from admin.reports.guestbook_files import guestbook_pdf
    from lpsedesk import create_app
    from lpsedesk.exports import range_period
    from lpsedesk.reports.guestbook import Tally

    work = Path(tempfile.mkdtemp(prefix="bench-guestbook-pdf-"))
    app = create_app({"DATABASE_URL": f"sqlite:///{work}/bench.db", "TESTING": True, "STORAGE_DIR": str(work / "files")},
                     instance_path=str(work / "instance"))
    with app.app_context():
        upgrade()
    storage = Storage()
    client = app.test_client()
    print(f"{args.rows} rows, {args.signed:.0%} signed{' (no small copies)' if args.no_small else ''}; /healthz p50 before {healthz(client):.1f} ms; load {os.getloadavg()[0]:.1f}")
    for _ in range(args.rounds):
        with app.test_request_context("/"):
            period = range_period(date(2026, 11, 1), date(2026, 11, 30))
            spec_for = lambda r: guestbook_spec(r, period, Tally(args.rows, args.rows, 0))  # noqa: E731
            cpu, wall = time.process_time(), time.perf_counter()
            if args.profile:
                import cProfile

                profiler = cProfile.Profile()
                pdf = profiler.runcall(guestbook_pdf, rows(args.rows, args.signed, small=not args.no_small), spec_for, storage)
                profiler.dump_stats(args.profile)
            else:
                pdf = guestbook_pdf(rows(args.rows, args.signed, small=not args.no_small), spec_for, storage)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            made, made_cpu = storage.spent, storage.spent_cpu
            storage.spent = storage.spent_cpu = 0.0
        pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page")
        print(f"PDF {wall - made:.2f} s wall, {cpu - made_cpu:.2f} s CPU ({(cpu - made_cpu) / args.rows * 1000:.2f} ms CPU "
              f"a row), {len(pdf) / 1e6:.1f} MB, ~{pages} pages; load {os.getloadavg()[0]:.1f} (making the "
              f"signature images, {made:.2f} s, {made_cpu:.2f} s CPU, not counted)")
        if args.out:
            Path(args.out).write_bytes(pdf)
    print(f"/healthz p50 after {healthz(client):.1f} ms; peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
