"""Reports the office prints and files: the guest book, the visit report and statistics.

The modules that compute (guest-book rows, visit-report rows, statistics, SVG charts)
are plain Python over a SQLAlchemy session with no Flask import; the `*_document` modules turn
their results into `lpsedesk.exports` documents with translated labels (they need an app context).
"""
