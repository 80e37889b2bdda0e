"""Staff screens: the helpdesk board, the Kasubag's queue, visit pages, Admin settings (issue 5)."""
from . import bp  # noqa: F401
