"""h43m, mutation testing of lpsedesk/allowed_hosts.py: what mutmut's first run of the module left alive,
from the README's ALLOWED_HOSTS row ("A value that is no name stops the start and names it"; a refused name
"is logged once an hour") and the module's own words (the shown name: "at most SHOWN_NAME_MAX of them";
OncePerHour: "the first sighting of a key each hour ... past that a flood of made-up names shares one key").

The setting is read once per value (`lru_cache`): mutmut runs each mutant in a process forked after a run
of every test, so a value some test read before was never read again by the mutant. Each test here reads
the setting afresh.
"""
from __future__ import annotations

import pytest

from lpsedesk import allowed_hosts
from lpsedesk.allowed_hosts import SHOWN_NAME_MAX, OncePerHour, host_allowed, parse_allowed_hosts, shown_name


@pytest.fixture(autouse=True)
def read_afresh():
    allowed_hosts.parse_allowed_hosts.cache_clear()
    allowed_hosts._ours.cache_clear()


def test_a_name_in_its_own_letters_is_read_as_browsers_send_it_however_it_is_written():
    # IDNA's own form of each name: "bücher" is "xn--bcher-kva" (RFC 3492's example)
    setting = parse_allowed_hosts("Tamu.Bücher.example, *.BÜCHER.example")
    assert setting.names == frozenset({"tamu.xn--bcher-kva.example"})
    assert setting.suffixes == (".xn--bcher-kva.example",)
    assert host_allowed("meja.xn--bcher-kva.example", allowed=setting, own_names=())


@pytest.mark.parametrize("entry", ["tamu..bücher.example", "*.dinas-ü..example"])
def test_a_name_in_its_own_letters_that_is_no_name_stops_the_start_naming_it(entry):
    with pytest.raises(ValueError, match="ALLOWED_HOSTS") as refused:
        parse_allowed_hosts(f"desk.example, {entry}")
    assert entry in str(refused.value)


def test_a_name_of_exactly_the_longest_shown_length_is_shown_whole():
    name = "a" * 50 + "." + "b" * (SHOWN_NAME_MAX - 51 - len(".example")) + ".example"
    assert len(name) == SHOWN_NAME_MAX
    assert shown_name(name) == name
    assert shown_name(name + "x")[-1] == "…" and len(shown_name(name + "x")) == SHOWN_NAME_MAX


def test_a_name_is_logged_again_an_hour_to_the_second_after_it_was_last_logged():
    now = [1000.0]
    once = OncePerHour(clock=lambda: now[0])  # the hour of the running desk, not one a test chose
    assert once.sighted("evil.example") == "evil.example"
    now[0] = 4599.5
    assert once.sighted("evil.example") is None
    now[0] = 4600.0
    assert once.sighted("evil.example") == "evil.example"


@pytest.mark.parametrize("start", [0.0, 10_000.0, 1_000_000.0])  # a monotonic clock reads from any origin
def test_a_flood_of_made_up_names_shares_one_line_an_hour_whatever_the_clock_reads(start):
    now = [start]
    once = OncePerHour(keep=3, clock=lambda: now[0])
    logged = [once.sighted(f"n{i}.example") for i in range(10)]
    assert logged[:3] == ["n0.example", "n1.example", "n2.example"]
    assert logged[3] == OncePerHour.OTHERS and logged[4:] == [None] * 6
    now[0] += 3600  # an hour on to the second: the old names make room again
    assert once.sighted("n9.example") == "n9.example"


def test_a_name_seen_an_hour_ago_is_logged_again_even_while_a_flood_fills_the_store():
    now = [0.0]
    once = OncePerHour(keep=3, clock=lambda: now[0])
    assert once.sighted("evil.example") == "evil.example"
    now[0] = 3000.0
    assert [once.sighted(n) for n in ("n1.example", "n2.example", "n3.example")] == [
        "n1.example", "n2.example", OncePerHour.OTHERS]
    now[0] = 3700.0  # evil.example's hour is over; the flood's is not
    assert once.sighted("evil.example") == "evil.example"

