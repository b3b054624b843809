"""Operator commands: init-db, seed-demo, create-user, create-token, verify-audit."""
from sqlalchemy import select, update

from aledraft.models import AuditEntry, User


def test_seed_demo_is_idempotent(runner, session):
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    users = session.scalars(select(User)).all()
    second = runner.invoke(args=["seed-demo"])
    assert "0 nya poster" in second.output
    session.commit()
    assert len(session.scalars(select(User)).all()) == len(users) == 5


def test_create_user_reads_password_from_stdin(runner, session):
    result = runner.invoke(
        args=["create-user", "Ny.Person@ale.se", "--name", "Ny Person", "--role", "granskare", "--role", "skribent"],
        input="ett-långt-lösenord\n",
    )
    assert result.exit_code == 0, result.output
    user = session.scalars(select(User).where(User.email == "ny.person@ale.se")).one()
    assert user.role_codes == {"granskare", "skribent"}
    assert "ett-långt-lösenord" not in user.password_hash


def test_create_user_refuses_short_password_and_unknown_role(runner):
    short = runner.invoke(args=["create-user", "a@ale.se", "--name", "A", "--role", "skribent"], input="kort\n")
    assert short.exit_code != 0 and "minst 10 tecken" in short.output
    bad_role = runner.invoke(args=["create-user", "a@ale.se", "--name", "A", "--role", "chef"], input="x" * 12 + "\n")
    assert bad_role.exit_code != 0


def test_create_token_prints_a_token_once(runner, make_user):
    user = make_user()
    result = runner.invoke(args=["create-token", user.email])
    assert result.exit_code == 0
    assert result.output.strip().startswith("ald_")
    assert runner.invoke(args=["create-token", "ingen@ale.se"]).exit_code != 0


def test_verify_audit_detects_tampering(runner, session):
    runner.invoke(args=["seed-demo"])
    ok = runner.invoke(args=["verify-audit"])
    assert ok.exit_code == 0 and "obruten" in ok.output
    entry_id = session.scalars(select(AuditEntry.id).order_by(AuditEntry.id).offset(2)).first()
    session.execute(update(AuditEntry).where(AuditEntry.id == entry_id).values(details='{"name":"Förfalskad"}'))
    session.commit()
    broken = runner.invoke(args=["verify-audit"])
    assert broken.exit_code == 1
    assert f"bruten vid post {entry_id}" in broken.output


def test_verify_audit_detects_a_deleted_entry(runner, session):
    from sqlalchemy import delete

    runner.invoke(args=["seed-demo"])
    entry_id = session.scalars(select(AuditEntry.id).order_by(AuditEntry.id).offset(3)).first()
    session.execute(delete(AuditEntry).where(AuditEntry.id == entry_id))
    session.commit()
    assert runner.invoke(args=["verify-audit"]).exit_code == 1
