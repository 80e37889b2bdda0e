"""Logging in and out, and the first-run page."""
