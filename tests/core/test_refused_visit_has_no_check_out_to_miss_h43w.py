"""h43w: a refused, withdrawn or lapsed request was never let in, so its guest book never gets a
check-out time (the kiosk tells that visitor "there is nothing to check out"). The helpdesk walked
as a stranger read "Buku tamu belum lengkap: Waktu keluar" on a refused vendor's page: a gap nobody
can ever fill. A visit that was approved still needs its check-out (SOP 1: the helpdesk records it
and makes sure the guest book is complete before reporting)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from lpsedesk import visit_ops

from .. import factories

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("status", ["denied", "cancelled", "expired"])
def test_a_request_never_let_in_lacks_no_check_out_time(app, status):
    with app.app_context():
        visit = factories.visit(status, decided_at=NOW, signature_key="sig")
        assert "checked_out_at" not in visit_ops.missing_fields(visit)


@pytest.mark.parametrize("status", ["pending", "approved"])
def test_a_visit_that_may_still_go_in_still_lacks_its_check_out_time(app, status):
    with app.app_context():
        visit = factories.visit(status, signature_key="sig")
        assert visit_ops.missing_fields(visit) == ["checked_out_at"]
