"""A statistics chart's axis (lpsedesk/reports/charts.py) ends at a round number at or above the largest
bar (1, 2 or 5 times a power of ten): a busiest day of exactly 10 visits fills the chart to its top line,
10, rather than half of a chart reaching 20."""
from __future__ import annotations

import re

import pytest

from lpsedesk.reports.charts import column_chart


def _ticks(svg: str) -> list[int]:
    return [int(v) for v in re.findall(r'class="chart-tick"[^>]*>(\d+)</text>', svg)]


@pytest.mark.parametrize("largest,top", [(1, 1), (2, 2), (5, 5), (10, 10), (50, 50), (100, 100),
                                         (11, 20), (21, 50), (51, 100)])
def test_the_axis_ends_at_the_first_round_number_not_below_the_largest_bar(largest, top):
    svg = column_chart([("Sen", 0), ("Sel", largest)], title="Kunjungan per hari")
    assert max(_ticks(svg)) == top
