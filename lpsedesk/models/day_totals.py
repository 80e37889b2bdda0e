"""Statistics' figures of settled WIB days, kept so a year's statistics read a few thousand rows.

A cache, never the truth: the visits are. Every change to a visit of a past day (or to a visitor's
category or institution, which the statistics count for each of their visits) bumps that day's
`version` in the same transaction (lpsedesk/reports/day_versions.py); figures count only while
`summarised` equals `version`, and `day_counts` rows only for the version they were computed at.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class DayTotal(Base):
    __tablename__ = "day_totals"

    day: Mapped[date] = mapped_column(Date, primary_key=True)  # WIB calendar day
    version: Mapped[int] = mapped_column(Integer, default=0)
    summarised: Mapped[int | None] = mapped_column(Integer)  # the version the figures below count
    visits: Mapped[int] = mapped_column(Integer, default=0)
    stays: Mapped[int] = mapped_column(Integer, default=0)  # visits checked out
    stay_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    decisions: Mapped[int] = mapped_column(Integer, default=0)  # the Kasubag's (approved or refused)
    # The day's longest stay and its visit (lowest id among equals), as the page's ranking orders them.
    longest_seconds: Mapped[float | None] = mapped_column(Float)
    longest_visit_id: Mapped[int | None] = mapped_column(Integer)


class DayCount(Base):
    """Visits of one day (at one version) per value of one dimension; kind "wait" counts the
    Kasubag's decisions per approval wait in whole seconds (`seconds`), so ranks stay exact."""

    __tablename__ = "day_counts"
    __table_args__ = (Index("ix_day_counts_day_version", "day", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer)
    # status | purpose | facility | category | institution | reason | wait
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str | None] = mapped_column(Text)
    seconds: Mapped[int | None] = mapped_column(Integer)
    visits: Mapped[int] = mapped_column(Integer)
