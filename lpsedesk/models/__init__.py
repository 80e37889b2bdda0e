"""Every model, importable from one place (Alembic and the app factory import this)."""
from .audit import AuditEvent
from .base import Base, UTCDateTime, utcnow
from .devices import KioskDevice
from .remote import RemoteAccessRequest
from .sessions import StaffSession
from .settings import Setting
from .throttle import ThrottleFailure
from .users import Delegation, User, UserRole
from .visitors import Visitor, VisitorCategory
from .visits import Visit, VisitNote, new_ticket_code

__all__ = [
    "AuditEvent", "Base", "Delegation", "KioskDevice", "RemoteAccessRequest", "Setting", "StaffSession", "ThrottleFailure",
    "User", "UserRole", "UTCDateTime", "Visit", "VisitNote", "Visitor", "VisitorCategory",
    "new_ticket_code", "utcnow",
]
