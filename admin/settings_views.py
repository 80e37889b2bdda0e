"""Staff screens: the Admin's users, delegations and office settings (issue 5)."""
from . import bp  # noqa: F401
