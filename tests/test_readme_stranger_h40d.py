"""The README read by a stranger (h40d): an office's IT person has only README.md. Its settings table
(Configuration) must name every setting the desk reads from the environment, with the default the
desk really starts with, and name nothing the desk ignores; its command table must show only options
the commands take. The README is the expectation here: a row that drifts from the code fails."""
from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from lpsedesk.config import SETTINGS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    return README[start:README.index("\n## ", start + 1)]


def _settings_rows() -> dict[str, str]:
    return dict(re.findall(r"^\| `([A-Z_]+)` \| ([^|]+?) \|", _section("Configuration"), re.M))


def _as_the_readme_says(default: object) -> str:
    """A default as the README writes it: paths as seen from the project folder."""
    if default is None:
        return "generated"
    if default == "":
        return "empty"
    if isinstance(default, bool):
        return f"`{int(default)}`"
    if isinstance(default, float) and default.is_integer():
        default = int(default)
    text = str(default).replace("{instance}", "instance").replace("{root}/", "")
    return f"`{text}`"


def test_every_setting_the_desk_reads_is_in_the_readme_and_no_other():
    assert set(_settings_rows()) == set(SETTINGS)


def test_each_setting_s_default_is_the_one_the_readme_states():
    rows = _settings_rows()
    for name, (default, _kind, _doc) in SETTINGS.items():
        assert rows[name].startswith(_as_the_readme_says(default)), (name, rows[name], default)


def test_the_command_table_shows_only_options_the_commands_take(app):
    runner = CliRunner()
    rows = re.findall(r"^\| `flask --app wsgi ([a-z-]+)([^`]*)`", _section("Command line"), re.M)
    assert rows
    for command, shown in rows:
        if command == "db":
            continue  # Flask-Migrate's own group
        help_text = runner.invoke(app.cli, [command, "--help"]).output
        assert "Usage:" in help_text, command
        for option in re.findall(r"--[a-z-]+", shown):
            assert option in help_text, (command, option)
