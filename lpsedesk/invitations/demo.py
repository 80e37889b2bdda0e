"""Demo data for invitations and the watch list: a training on the next working day, half of its
invitations approved in advance, and one watch-list entry, so those screens are alive on a new
install. Synthetic people only."""
from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from .. import settings, watchlist
from ..clock import WIB
from ..roles import Actor
from . import rules

TRAINING = "Pelatihan SPSE untuk Penyedia (demo)"


def _next_working_day(today: date) -> date:
    day = today + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def invite_a_training(session: Session, rng: random.Random, *, desk: Actor, boss: Actor, admin: Actor,
                      names: list[str], firms: list[str], today: date) -> list[str]:
    day = _next_working_day(today)
    starts = datetime.combine(day, time(8, 0), WIB)
    now = datetime.combine(today, time(9, 0), WIB)  # "today" may be a fixed day in the past (tests)
    purposes, facilities = settings.get(session, "purposes"), settings.get(session, "facilities")
    made = []
    for n in range(12):
        draft = rules.InvitationDraft(
            full_name=names[n % len(names)], phone=f"08{rng.randint(1000000000, 9999999999)}",
            institution=rng.choice(firms), category="penyedia", purpose="training", facility="training_room",
            starts_at=starts, ends_at=starts + timedelta(hours=8), event_name=TRAINING)
        made.append(rules.create(session, desk, draft, purposes=purposes, facilities=facilities, now=now))
    for invitation in made[:6]:  # the Kasubag approved half the list in advance; the rest wait in the queue
        rules.decide(session, invitation, "approve", boss, now=now)
    watchlist.add(session, admin, watchlist.EntryInput(
        full_name=names[-1], institution=firms[-1], reason="Contoh: penyedia dalam masa sanksi (data demo)",
        expires_on=today + timedelta(days=90)), today=today)
    return [f"made {len(made)} invitations for '{TRAINING}' on {day:%d-%m-%Y} (6 approved in advance) "
            "and 1 watch-list entry"]
