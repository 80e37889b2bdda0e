"""The IKM of PermenPANRB No. 14 Tahun 2017, from the answers of a period.

- NRR per element: the mean of the scores (1-4) of those who answered that element; a respondent
  who skipped an element counts neither in its sum nor in its divisor.
- weighted NRR: NRR x 1/9 (the regulation's equal weight, 1 / number of elements).
- IKM: the sum of the weighted NRRs; converted IKM (nilai konversi): IKM x 25.
- quality category on the converted value rounded to 2 decimals (the regulation's table is written
  to 2 decimals, so 88.305 is 88.31 and an A):
  A Sangat Baik 88.31-100.00, B Baik 76.61-88.30, C Kurang Baik 65.00-76.60, D Tidak Baik 25.00-64.99.

Decimal throughout: a float 88.305 is 88.30499..., which would round into the wrong category.
An element nobody answered has no NRR; the IKM is then over the elements that have one (each
weighted 1/number of such elements) and `complete` says so, rather than counting it as zero.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .elements import ELEMENTS, SCORES, Element

TWO = Decimal("0.01")
CONVERSION = Decimal(25)

# (lowest converted value, grade, Indonesian name, English name), highest first
CATEGORIES = (
    (Decimal("88.31"), "A", "Sangat Baik", "Very good"),
    (Decimal("76.61"), "B", "Baik", "Good"),
    (Decimal("65.00"), "C", "Kurang Baik", "Less than good"),
    (Decimal("25.00"), "D", "Tidak Baik", "Not good"),
)


@dataclass(frozen=True)
class Category:
    grade: str
    name_id: str
    name_en: str

    def name(self, locale: str = "id") -> str:
        return self.name_en if str(locale).startswith("en") else self.name_id


def round2(value: Decimal) -> Decimal:
    return value.quantize(TWO, rounding=ROUND_HALF_UP)


def category(converted: Decimal | float | str) -> Category:
    """The quality category of a converted IKM (25-100), judged on its value rounded to 2 decimals."""
    value = round2(Decimal(str(converted)))
    for lowest, grade, name_id, name_en in CATEGORIES:
        if value >= lowest:
            return Category(grade, name_id, name_en)
    # Below 25.00 cannot come from scores of 1-4; it is still the lowest category.
    return Category("D", "Tidak Baik", "Not good")


@dataclass(frozen=True)
class ElementResult:
    element: Element
    answered: int  # respondents who answered this element
    total: int  # sum of their scores
    nrr: Decimal | None  # mean score, None when nobody answered
    weighted: Decimal | None  # nrr x weight
    lowest: bool = False  # among the weakest elements of the period

    @property
    def converted(self) -> Decimal | None:
        return None if self.nrr is None else self.nrr * CONVERSION


@dataclass(frozen=True)
class IkmResult:
    respondents: int
    elements: tuple[ElementResult, ...]
    ikm: Decimal | None  # the sum of the weighted NRRs (1-4)
    converted: Decimal | None  # ikm x 25 (25-100)
    category: Category | None
    complete: bool  # every element has at least one answer

    @property
    def converted_rounded(self) -> Decimal | None:
        return None if self.converted is None else round2(self.converted)

    @property
    def lowest(self) -> tuple[ElementResult, ...]:
        return tuple(e for e in self.elements if e.lowest)


def valid_score(value: object) -> bool:
    # bool is an int in Python: a JSON `true` is no score.
    return type(value) is int and value in SCORES


def compute(responses: Iterable[Mapping[str, int | None]], *, lowest_count: int = 3) -> IkmResult:
    """The IKM of `responses`, each a mapping from element key to a score 1-4 or None (skipped).

    The `lowest_count` weakest elements (lowest NRR; ties at the cut-off included) are marked.
    """
    totals = {e.key: 0 for e in ELEMENTS}
    counts = {e.key: 0 for e in ELEMENTS}
    respondents = 0
    for answers in responses:
        respondents += 1
        for e in ELEMENTS:
            score = answers.get(e.key)
            if score is None:
                continue
            if not valid_score(score):
                raise ValueError(f"score of {e.key} must be 1-4, not {score!r}")
            totals[e.key] += score
            counts[e.key] += 1
    answered = [e for e in ELEMENTS if counts[e.key]]
    nrrs = {e.key: Decimal(totals[e.key]) / Decimal(counts[e.key]) for e in answered}
    ranked = sorted(nrrs.values())
    cut = ranked[min(lowest_count, len(ranked)) - 1] if ranked and lowest_count > 0 else None
    results = tuple(ElementResult(
        element=e, answered=counts[e.key], total=totals[e.key], nrr=nrrs.get(e.key),
        weighted=nrrs[e.key] / len(answered) if e.key in nrrs else None,
        lowest=cut is not None and e.key in nrrs and nrrs[e.key] <= cut,
    ) for e in ELEMENTS)
    if not answered:
        return IkmResult(respondents, results, None, None, None, False)
    ikm = sum((r.weighted for r in results if r.weighted is not None), Decimal(0))
    converted = ikm * CONVERSION
    return IkmResult(respondents, results, ikm, converted, category(converted), len(answered) == len(ELEMENTS))
