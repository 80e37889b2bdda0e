"""Survei Kepuasan Masyarakat: the anonymous answers, which visits have answered, the Admin's
question texts and the follow-up plan of a period.

An answer row holds no visit, visitor, kiosk or time of day: only the WIB date (for periods) and the
profile the regulation's report counts. Which visit answered is kept in a table of its own with no
answer in it, so "one answer per visit" holds and the report can never join an answer to a name.
"""
from __future__ import annotations

import secrets
from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, SmallInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, utcnow


def random_id() -> int:
    return secrets.randbits(62) + 1


class SkmResponse(Base):
    __tablename__ = "skm_responses"

    # Random, not a sequence: answers numbered in the order given could be lined up with the
    # visits' check-out times of the same day.
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False, default=random_id)
    answered_on: Mapped[date] = mapped_column(Date, index=True)  # WIB date
    channel: Mapped[str] = mapped_column(String(8))  # kiosk | desk
    sex: Mapped[str | None] = mapped_column(String(1))  # L | P, from the NIK
    age_band: Mapped[str | None] = mapped_column(String(8))  # from the NIK's birth date
    occupation: Mapped[str | None] = mapped_column(String(16))  # the visitor category
    education: Mapped[str | None] = mapped_column(String(16))  # asked, optional
    # U1..U9 in the regulation's order (lpsedesk/skm/elements.py); None: skipped
    u1: Mapped[int | None] = mapped_column(SmallInteger)
    u2: Mapped[int | None] = mapped_column(SmallInteger)
    u3: Mapped[int | None] = mapped_column(SmallInteger)
    u4: Mapped[int | None] = mapped_column(SmallInteger)
    u5: Mapped[int | None] = mapped_column(SmallInteger)
    u6: Mapped[int | None] = mapped_column(SmallInteger)
    u7: Mapped[int | None] = mapped_column(SmallInteger)
    u8: Mapped[int | None] = mapped_column(SmallInteger)
    u9: Mapped[int | None] = mapped_column(SmallInteger)
    suggestion: Mapped[str | None] = mapped_column(Text)


class SkmAnsweredVisit(Base):
    """A visit whose visitor has answered (or was handed) the survey: at most one answer per visit."""

    __tablename__ = "skm_answered_visits"

    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True)


class SkmQuestion(Base):
    """The Admin's wording of one element's question; the element list itself is fixed."""

    __tablename__ = "skm_questions"

    element: Mapped[str] = mapped_column(String(16), primary_key=True)
    question_id: Mapped[str] = mapped_column(Text)
    question_en: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class SkmFollowUp(Base):
    """The rencana tindak lanjut written for one report period (its first and last WIB dates)."""

    __tablename__ = "skm_follow_ups"
    __table_args__ = (UniqueConstraint("period_start", "period_end"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    plan: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
