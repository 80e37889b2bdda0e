"""The respondents' profile as the standard questionnaire has it: sex, age, education, occupation.

Sex and age come from the NIK the visitor already gave, taken when the answer is stored (so the
answer row never needs the NIK); occupation is the visitor category; only education is asked.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

# (label, lowest age, highest age) of the bands the report counts
AGE_BANDS = (("<20", 0, 19), ("20-29", 20, 29), ("30-39", 30, 39), ("40-49", 40, 49), ("50-59", 50, 59),
             ("60+", 60, 200))
SEXES = ("L", "P")


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def age_band(birth: date | None, day: date) -> str | None:
    if birth is None:
        return None
    age = age_on(birth, day)
    for label, low, high in AGE_BANDS:
        if low <= age <= high:
            return label
    return None


@dataclass(frozen=True)
class ProfileRow:
    key: str | None  # None: not known (no NIK, education not given)
    count: int
    percent: float


def table(values: Iterable[str | None], order: Iterable[str]) -> list[ProfileRow]:
    """Counts in `order`, then any other value, then the unknowns; percent of all respondents."""
    counts = Counter(values)
    total = sum(counts.values())
    keys = list(order)
    keys += sorted(k for k in counts if k is not None and k not in keys)
    if counts.get(None):
        keys.append(None)
    return [ProfileRow(k, counts.get(k, 0), round(100 * counts.get(k, 0) / total, 1) if total else 0.0)
            for k in keys]
