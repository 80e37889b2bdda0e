"""A staff form's file over its own limit, said beside the field as soon as it is chosen and not sent
(static/admin/file_pick.js, h40s); what the letter's and the participants' tests look for."""
from __future__ import annotations

from .axe import axe_source, violations


def said_at_once_and_not_sent(page, field: str, big: dict, small: dict, sentence: str, typed: tuple[str, str],
                              screenshot: str) -> None:
    """On the open form, with `typed` = (the name of a field already typed in, its value): choosing
    `big` says `sentence` beside `field`, keeps nothing chosen and sends nothing; `small` takes it back."""
    sent = []
    page.on("request", lambda r: sent.append(r.url) if r.method == "POST" else None)
    chooser = page.locator(f"input[name={field}]")
    chooser.set_input_files(big)
    said = page.locator(".file-pick [data-file-too-large]")
    assert sentence in said.inner_text()
    assert chooser.evaluate("(el) => el.files.length") == 0  # not chosen: the form cannot send it
    assert chooser.get_attribute("aria-invalid") == "true"
    assert "Belum ada berkas" in page.locator(".file-pick [data-file-name]").inner_text()
    assert page.locator(f"input[name={typed[0]}]").input_value() == typed[1]
    assert sent == []
    said.scroll_into_view_if_needed()
    page.screenshot(path=screenshot)
    assert violations(page, axe_source()) == []

    # a file within the limit: the message goes
    chooser.set_input_files(small)
    assert said.count() == 0 or said.inner_text().strip() == ""
    assert chooser.get_attribute("aria-invalid") is None
    assert small["name"] in page.locator(".file-pick [data-file-name]").inner_text()
