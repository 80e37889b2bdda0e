"""Every model, importable from one place (Alembic and the app factory import this)."""
from .audit import AuditEvent
from .base import Base, UTCDateTime, utcnow
from .day_totals import DayCount, DayTotal
from .devices import KioskDevice
from .invitations import Invitation, InvitationStatus
from .remote import RemoteAccessRequest
from .restricted import VisitDevice
from .scan_sessions import ScanSessionRecord
from .sessions import StaffSession
from .settings import Setting
from .skm import SkmAnsweredVisit, SkmFollowUp, SkmQuestion, SkmResponse
from .throttle import ThrottleFailure
from .users import Delegation, User, UserRole
from .visitors import Visitor, VisitorCategory
from .visit_files import VisitFiles
from .visits import Visit, VisitNote, new_ticket_code
from .watchlist import WatchEntry

__all__ = [
    "AuditEvent", "Base", "DayCount", "DayTotal", "Delegation", "Invitation", "InvitationStatus", "KioskDevice", "RemoteAccessRequest",
    "ScanSessionRecord", "Setting", "SkmAnsweredVisit", "SkmFollowUp", "SkmQuestion", "SkmResponse", "StaffSession",
    "ThrottleFailure",
    "User", "UserRole", "UTCDateTime", "Visit", "VisitDevice", "VisitFiles", "VisitNote", "Visitor", "VisitorCategory", "WatchEntry",
    "new_ticket_code", "utcnow",
]
