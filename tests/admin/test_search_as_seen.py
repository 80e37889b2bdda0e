"""A name the helpdesk pastes into the visits search (from a chat, a letter's PDF) brings invisible
characters with it: a zero-width space, a direction mark, a letter written as a base and a separate
accent. The guest book keeps every name as it is seen (docs/security.md: text is kept without such
characters, composed), so the query is read the same way: the visitor whose name looks like the query
is found."""
from __future__ import annotations

from urllib.parse import quote

from .. import factories


def test_a_pasted_name_with_invisible_characters_finds_the_visitor(app, client, make_user, login):
    make_user("rina", "helpdesk")
    login("rina")
    with app.app_context():
        factories.visit(visitor=factories.visitor(full_name="Budi Santoso", institution="CV Alfa"))
        factories.visit(visitor=factories.visitor(full_name="Andé Wijaya", institution="CV Beta"))

    def found(query: str) -> list[str]:
        response = client.get("/admin/visits?q=" + quote(query))
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        return [n for n in ("Budi Santoso", "Andé Wijaya") if n in page]

    assert found("Bu\u200bdi") == ["Budi Santoso"]           # zero-width space inside the word
    assert found("\u200fSantoso\u200e") == ["Budi Santoso"]  # direction marks around it
    assert found("Ande\u0301") == ["Andé Wijaya"]            # e + combining acute, as some keyboards send
    assert found("Budi") == ["Budi Santoso"]
