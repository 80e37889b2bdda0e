"""Is the period's sample large enough? Krejcie and Morgan (1970), the table PermenPANRB No. 14
Tahun 2017 refers to: 95 % confidence (chi-square 3.841 for 1 degree of freedom), 5 % error,
P = 0.5.

    s = X^2 N P (1 - P) / (d^2 (N - 1) + X^2 P (1 - P)),   rounded to the nearest whole
    respondent, as the published table is (N = 50 gives 44.3: 44; N = 100 gives 79.5: 80).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CHI_SQUARE = Decimal("3.841")
P = Decimal("0.5")
ERROR = Decimal("0.05")


def required_sample(population: int) -> int:
    """Respondents needed for `population` people served (N); 0 for nobody served."""
    if population <= 0:
        return 0
    n = Decimal(population)
    s = CHI_SQUARE * n * P * (1 - P) / (ERROR ** 2 * (n - 1) + CHI_SQUARE * P * (1 - P))
    return min(population, int(s.quantize(Decimal(1), rounding=ROUND_HALF_UP)))


@dataclass(frozen=True)
class SampleCheck:
    population: int  # visits served in the period
    required: int
    respondents: int

    @property
    def enough(self) -> bool:
        return self.respondents >= self.required

    @property
    def still_needed(self) -> int:
        return max(0, self.required - self.respondents)


def check(population: int, respondents: int) -> SampleCheck:
    return SampleCheck(population, required_sample(population), respondents)
