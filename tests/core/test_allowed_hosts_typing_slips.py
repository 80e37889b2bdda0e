"""ALLOWED_HOSTS: a value that is no host name stops the start (README, Configuration) - also the
names no resolver could look up: an empty label, a label over 63 characters, a name over 253."""
import pytest

from lpsedesk.allowed_hosts import parse_allowed_hosts


@pytest.mark.parametrize("value", ["desk..lpse.example.go.id", "*.lpse..example", "a" * 64 + ".example.go.id",
                                   ".".join(["a" * 63] * 4) + ".id"])
def test_a_name_no_resolver_could_look_up_stops_the_start(value):
    with pytest.raises(ValueError, match="not a host name"):
        parse_allowed_hosts(value)


@pytest.mark.parametrize("value", ["a" * 63 + ".example.go.id", "desk.lpse.example.go.id", "*.lpse.example.go.id",
                                   "192.168.1.20", "*", "desk.lpse.example.go.id."])
def test_names_at_the_limits_are_still_taken(value):
    parse_allowed_hosts(value)
