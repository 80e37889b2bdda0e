"""WSGI entry point: serve it with `flask --app wsgi serve` (README, Commands).

A bare `waitress-serve wsgi:app` would also start, but without what `lpsedesk.serving.create_server`
adds: each address's share of connections (one machine cannot shut out the kiosks), the idle and
body limits, the live streams' thread reserve and waitress's own answers in Indonesian with the
security headers. `app` is here for a WSGI host that brings its own server and its own limits."""
from lpsedesk import create_app

app = create_app()
