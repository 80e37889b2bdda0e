"""Staff screens: kiosk devices: enrol, revoke, last seen (issue 4)."""
from . import bp  # noqa: F401
