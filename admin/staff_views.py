"""Staff screens of SOP 1 (issue 5): the Kasubag's queue lives in dashboard_views; the helpdesk's
board, the visit pages, the search and the live feed in the staff_* modules imported here."""

from . import bp
from . import staff_board_views, staff_live_views, staff_search_views, staff_visit_views  # noqa: F401
from .staff_common import template_helpers
from .staff_nav import staff_nav


@bp.context_processor
def _staff_context() -> dict:
    return {"staff_nav": staff_nav, **template_helpers()}
