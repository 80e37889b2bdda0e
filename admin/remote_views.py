"""Staff screens: the remote-access register, SOP 2 (issue 6)."""
from . import bp  # noqa: F401
