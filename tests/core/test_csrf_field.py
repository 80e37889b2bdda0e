"""Every hand-written POST form takes its CSRF input from one helper, and that input is accepted."""
from __future__ import annotations

import re
from pathlib import Path

from flask import render_template_string
from flask_wtf.csrf import validate_csrf

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
POST_FORM = re.compile(r"<form\b[^>]*method=\"post\"[^>]*>(.*?)</form>", re.S | re.I)


def test_no_template_types_the_csrf_input_by_hand():
    typed = [str(p.relative_to(TEMPLATES)) for p in TEMPLATES.rglob("*.html")
             if 'name="csrf_token"' in p.read_text(encoding="utf-8")]
    assert typed == []


def test_every_post_form_carries_a_token():
    missing = []
    for path in TEMPLATES.rglob("*.html"):
        for body in POST_FORM.findall(path.read_text(encoding="utf-8")):
            if not any(mark in body for mark in ("csrf_field()", ".csrf_token", ".hidden_tag()")):
                missing.append(str(path.relative_to(TEMPLATES)))
    assert missing == []


def test_the_field_holds_a_token_the_server_accepts(app):
    with app.test_request_context("/"):
        html = render_template_string("{{ csrf_field() }}")
        token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
        assert html.startswith('<input type="hidden"')
        validate_csrf(token)  # raises ValidationError if the token were not this session's
