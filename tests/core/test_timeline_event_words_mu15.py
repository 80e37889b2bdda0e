"""A timeline's audit events in words (lpsedesk/labels.event_label, shown on a visit's and a remote-access
request's history): an action the desk has no words for reads as a generic audit event in the reader's
language, never as its internal key."""
from __future__ import annotations

import pytest

from lpsedesk.labels import event_label


@pytest.mark.parametrize("action", ["remote.letter_replaced", "visit.something_new", "settings.changed"])
def test_an_action_without_its_own_words_reads_as_an_audit_event_never_as_its_key(app, action):
    with app.test_request_context("/?lang=id"):
        assert event_label(action) == "Catatan audit"
    with app.test_request_context("/?lang=en"):
        assert event_label(action) == "Audit event"


def test_an_action_with_words_reads_in_the_readers_language(app):
    with app.test_request_context("/?lang=en"):
        assert event_label("remote.account_given") == "Account given"
