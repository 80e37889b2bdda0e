"""WSGI entry point: `waitress-serve --call wsgi:create_app` or `flask --app wsgi serve`."""
from lpsedesk import create_app

app = create_app()
