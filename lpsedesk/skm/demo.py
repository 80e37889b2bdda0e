"""Demo answers to the satisfaction survey: about half of the visits checked out answer, with the
scores an LPSE typically gets (the service is free, the waiting is what people mind)."""
from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import SkmAnsweredVisit, Visit
from .answers import SurveyAnswers, record
from .elements import EDUCATION, KEYS

# Weights of the scores 1..4 per element, in the regulation's order.
WEIGHTS = {
    "persyaratan": (1, 4, 30, 20), "prosedur": (1, 6, 30, 15), "waktu": (3, 14, 26, 9),
    "biaya": (0, 1, 6, 45), "produk": (1, 5, 30, 16), "kompetensi": (1, 3, 26, 24),
    "perilaku": (0, 2, 22, 30), "pengaduan": (2, 8, 28, 10), "sarana": (2, 10, 28, 10),
}
SUGGESTIONS = ["Antrean verifikasi mohon dipercepat", "Ruang tunggu perlu kursi tambahan",
               "Wi-Fi pojok internet sering putus", "Petugas sangat membantu, terima kasih",
               "Mohon disediakan formulir contoh di meja layanan", "Parkir motor terlalu sempit",
               "Jadwal pelatihan SPSE diumumkan lebih awal"]


def answer_some(session: Session, rng: random.Random, share: float = 0.5) -> int:
    """Answers for about `share` of the checked-out visits that have none yet; returns how many."""
    answered = select(SkmAnsweredVisit.visit_id)
    visits = session.scalars(select(Visit).where(Visit.checked_out_at.is_not(None), Visit.id.not_in(answered))
                             .order_by(Visit.id)).all()
    count = 0
    for visit in visits:
        if rng.random() >= share:
            continue
        scores = {key: None if rng.random() < 0.03 else rng.choices((1, 2, 3, 4), weights=WEIGHTS[key])[0]
                  for key in KEYS}
        answers = SurveyAnswers(scores, rng.choice((None,) + EDUCATION + ("s1", "sma", "s1")),
                                rng.choice(SUGGESTIONS) if rng.random() < 0.15 else None)
        record(session, visit, answers, channel="desk" if rng.random() < 0.1 else "kiosk",
               now=visit.checked_out_at + timedelta(minutes=rng.randint(1, 4)))
        count += 1
    return count
