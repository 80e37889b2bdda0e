"""The staff account commands and demo-data, run as `flask --app wsgi ...` would run them."""
from __future__ import annotations

from sqlalchemy import func, select

from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent, RemoteAccessRequest, User, Visit, Visitor
from lpsedesk.passwords import verify_password
from lpsedesk.roles import Role


def test_create_user_with_several_roles_and_a_generated_password(app, runner):
    result = runner.invoke(args=["create-user", "Dewi", "--name", "Dewi Lestari", "--role", "helpdesk",
                                 "--role", "kasubag", "--generate-password"])
    assert result.exit_code == 0, result.output
    password = result.output.split("password: ")[1].strip()
    with app.app_context():
        user = db.session.scalars(select(User)).one()
        assert user.username == "dewi" and user.roles == {Role.HELPDESK, Role.KASUBAG}
        assert verify_password(user.password_hash, password)
        assert user.password_hash.startswith("$argon2")


def test_create_user_prompts_for_the_password_and_refuses_a_weak_one(app, runner):
    weak = runner.invoke(args=["create-user", "dewi", "--name", "D", "--role", "admin"], input="short\nshort\n")
    assert weak.exit_code != 0 and "too_short" in weak.output
    ok = runner.invoke(args=["create-user", "dewi", "--name", "D", "--role", "admin"],
                       input="cukup-panjang-1\ncukup-panjang-1\n")
    assert ok.exit_code == 0, ok.output


def test_set_password_and_deactivate_user_end_sessions_and_are_audited(app, runner, make_user):
    make_user("rina", "helpdesk")
    with app.app_context():
        token_before = db.session.scalars(select(User)).one().session_token
    assert runner.invoke(args=["set-password", "rina"], input="baru-sandi-77\nbaru-sandi-77\n").exit_code == 0
    assert runner.invoke(args=["deactivate-user", "rina"]).exit_code == 0
    assert runner.invoke(args=["deactivate-user", "nobody"]).exit_code != 0
    with app.app_context():
        user = db.session.scalars(select(User)).one()
        assert not user.active and user.session_token != token_before
        assert verify_password(user.password_hash, "baru-sandi-77")
        actions = set(db.session.scalars(select(AuditEvent.action)))
        assert {"user.password_set", "user.deactivated"} <= actions


def test_demo_data_fills_weeks_of_a_living_office(app, runner):
    result = runner.invoke(args=["demo-data", "--weeks", "3"])
    assert result.exit_code == 0, result.output
    assert "password:" in result.output
    with app.app_context():
        count = lambda model: db.session.scalar(select(func.count()).select_from(model))  # noqa: E731
        assert count(Visitor) == 60 and count(Visit) > 20 and count(RemoteAccessRequest) >= 6
        statuses = set(db.session.scalars(select(Visit.status)))
        assert {"approved", "reported"} <= statuses
        first = db.session.scalar(select(func.min(Visit.submitted_at)))
        last = db.session.scalar(select(func.max(Visit.submitted_at)))
        assert (last - first).days >= 14
        assert count(AuditEvent) > count(Visit)
