"""Statistics merge an institution's spellings (case and spaces) and show one: with two spellings
equally common, the same one whatever order the visits come in (PostgreSQL returns rows in no set
order; the screen, the PDF and the kept days must agree)."""
from lpsedesk.reports.statistics import merged_spellings


def test_a_tie_between_spellings_names_the_same_one_in_any_order():
    one = merged_spellings([("Dinas PU", 1), ("DINAS PU", 1), ("Kantor A", 1)])
    other = merged_spellings([("DINAS PU", 1), ("Kantor A", 1), ("Dinas PU", 1)])
    assert one == other
    assert dict(one)[one[0][0]] == 2


def test_the_most_common_spelling_still_wins():
    assert merged_spellings([("DINAS PU", 1), ("Dinas PU", 3)])[0] == ("Dinas PU", 4)
    assert merged_spellings([("Dinas PU", 1), ("DINAS PU", 3)])[0] == ("DINAS PU", 4)
