"""A Plh./Plt. is named for at most one year, both named days counted, and only between two
active accounts.

docs/settings.md: a delegation's "last day >= first day, not already past, at most one year", and
the delegate decides on the WIB dates "both included". A calendar year, 1 January to 31 December,
is one year, leap year or not; a naming that runs on to the next 1 January or 2 January holds one
day more than any year has and is refused. "Both accounts active": a Kasubag whose account was
closed has no post to stand in for (mut2's delegation tests hold that such a naming stops working;
this one holds that it is not made).
"""
from __future__ import annotations

from datetime import date

import pytest

from lpsedesk import users
from lpsedesk.extensions import db
from lpsedesk.models import User

TODAY = date(2026, 12, 2)


@pytest.fixture
def pair(app, make_user, request):
    inactive = getattr(request, "param", "")
    dewi = make_user("dewi", "helpdesk", active=inactive != "delegate")
    bambang = make_user("bambang", "kasubag", active=inactive != "principal")
    with app.app_context():
        yield db.session.get(User, dewi), db.session.get(User, bambang)


def _name(pair, starts_on: date, ends_on: date):
    delegate, principal = pair
    return users.create_delegation(db.session, None, delegate=delegate, principal=principal, title="Plt.",
                                   starts_on=starts_on, ends_on=ends_on, today=TODAY)


@pytest.mark.parametrize("year", [2027, 2028])  # 2028 is a leap year: 366 days
def test_a_whole_calendar_year_is_accepted(pair, year):
    assert _name(pair, date(year, 1, 1), date(year, 12, 31)).ends_on == date(year, 12, 31)


@pytest.mark.parametrize("starts_on, ends_on", [(date(2027, 1, 1), date(2028, 1, 2)),   # 367 days
                                                (date(2028, 1, 1), date(2029, 1, 1))])  # 367 days in a leap year
def test_a_naming_of_more_days_than_any_year_has_is_refused(pair, starts_on, ends_on):
    with pytest.raises(users.UserError) as refused:
        _name(pair, starts_on, ends_on)
    assert refused.value.code == "delegation_too_long"


@pytest.mark.parametrize("pair", ["delegate", "principal"], indirect=True)
def test_no_naming_is_made_for_or_by_a_deactivated_account(pair):
    with pytest.raises(users.UserError) as refused:
        _name(pair, date(2027, 1, 4), date(2027, 1, 8))
    assert refused.value.code == "delegation_inactive_user"
