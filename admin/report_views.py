"""Staff screens: the guest book, visit reports and statistics (issue 7)."""
from . import bp  # noqa: F401
