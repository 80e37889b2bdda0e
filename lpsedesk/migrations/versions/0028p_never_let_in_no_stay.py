"""statistics' kept days recounted where a visitor left without being let in (h40p)

Revision ID: 0028p_never_let_in_no_stay
Revises: 0027h_visit_decision_told
Create Date: 2026-12-06

SOP 1: the visit begins when the helpdesk lets the approved visitor in. One approved and gone without
being let in ("Pergi tanpa masuk", or the kiosk's check-out of one still at the desk: approved or
checked out, `decision_told_at` NULL) had no visit, so no stay (lpsedesk/decision_told.
left_without_coming_in); the statistics counted one from the approval, and settled days keep it in
`day_totals`. Every kept day holding such a visit is marked not current (`summarised` NULL): the
page or the daily job counts it again as lpsedesk/reports/day_figures.py now does. Only days since
0027h can hold one (it filled the older decisions as let in), a handful of rows.

Downgrade: the old code counts those stays again, so the same days are marked not current.
"""
from alembic import op

revision = '0028p_never_let_in_no_stay'
down_revision = '0027h_visit_decision_told'
branch_labels = None
depends_on = None

GONE_NEVER_LET_IN = ("v.status IN ('checked_out', 'reported') AND v.decision_told_at IS NULL "
                     "AND v.checked_out_at IS NOT NULL")


def _mark_their_days_not_current() -> None:
    if op.get_bind().dialect.name == "sqlite":
        day = "date(v.submitted_at, '+7 hours')"  # naive UTC text; WIB has no DST (day_figures.wib_day)
    else:
        day = "date(timezone('Asia/Jakarta', v.submitted_at))"
    op.execute(f"UPDATE day_totals SET summarised = NULL WHERE day IN "
               f"(SELECT {day} FROM visits v WHERE {GONE_NEVER_LET_IN})")


def upgrade() -> None:
    _mark_their_days_not_current()


def downgrade() -> None:
    _mark_their_days_not_current()
