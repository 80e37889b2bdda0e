"""Plain stand-ins for a visit and a remote-access request: the fields the workflow reads and writes,
so the rules can be tested without a database."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class FakeVisit:
    __workflow__ = "visit"
    status: str
    id: int = 3
    decided_at: object = None
    decided_by_id: object = None
    decided_by_label: object = None
    decided_on_behalf_of_id: object = None
    decision_reason: object = None
    checked_out_at: object = None
    checked_out_by_id: object = None
    checked_out_by_label: object = None
    end_reason: object = None
    reported_at: object = None
    reported_by_id: object = None


@dataclass
class FakeRemote:
    __workflow__ = "remote_access"
    status: str
    id: int = 4
    recorded_by_id: int | None = None
    decided_at: object = None
    decided_by_id: object = None
    decided_by_label: object = None
    decided_on_behalf_of_id: object = None
    decision_reason: object = None
    granted_at: object = None
    granted_by_id: object = None
    closed_at: object = None
    closed_by_id: object = None
