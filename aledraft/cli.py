"""Operator commands: thin wrappers around services, one transaction each."""
import sys
from contextlib import contextmanager

import click
from flask.cli import with_appcontext

from aledraft import migrate
from aledraft.access import Role
from aledraft.audit import verify_chain
from aledraft.db import get_engine, get_session
from aledraft.errors import DomainError


@contextmanager
def command_session():
    """Yield the session and commit at the end; roll back and exit 1 with the message on a refusal."""
    session = get_session()
    try:
        yield session
        session.commit()
    except DomainError as error:
        session.rollback()
        raise click.ClickException(error.message) from None


def register_cli(app):
    """Add the aledraft commands to `flask --app aledraft`."""
    for command in (init_db, make_migration, seed_demo, create_user, create_token, verify_audit,
                    cull_moderation):
        app.cli.add_command(command)


@click.command("init-db")
@with_appcontext
def init_db():
    """Create or upgrade the database schema (safe to run again)."""
    migrate.upgrade(get_engine())
    click.echo("Databasen är uppdaterad till senaste schemat.")


@click.command("make-migration")
@with_appcontext
@click.argument("message")
def make_migration(message):
    """Write a migration for model changes (developers; tidy the file by hand afterwards)."""
    migrate.revision(get_engine(), message)


@click.command("seed-demo")
@with_appcontext
def seed_demo():
    """Add demo users, accounts and spokespersons (safe to run again)."""
    from aledraft.demo import seed

    with command_session() as session:
        created = seed(session)
    click.echo(f"Demodata klar ({created} nya poster).")


@click.command("create-user")
@with_appcontext
@click.argument("email")
@click.option("--name", required=True, help="Fullständigt namn.")
@click.option("--role", "roles", multiple=True, required=True,
              type=click.Choice([r.value for r in Role]), help="Roll; kan anges flera gånger.")
@click.option("--unit", default="", help="Förvaltning eller enhet.")
def create_user(email, name, roles, unit):
    """Create a user; the password is read from standard input."""
    from aledraft.admin.services import create_user as create

    password = sys.stdin.readline().rstrip("\r\n") if not sys.stdin.isatty() else click.prompt(
        "Lösenord", hide_input=True, confirmation_prompt=True)
    with command_session() as session:
        user = create(session, None, email=email, name=name, password=password,
                      roles=[Role(r) for r in roles], unit=unit)
    click.echo(f"Användaren {user.email} är skapad med rollerna {', '.join(roles)}.")


@click.command("create-token")
@with_appcontext
@click.argument("email")
@click.option("--name", default="Kommandorad", help="Namn på nyckeln.")
def create_token(email, name):
    """Create an API token for a user and print it once."""
    from sqlalchemy import select

    from aledraft.auth.services import create_api_token, normalize_email
    from aledraft.models import User

    with command_session() as session:
        user = session.scalars(select(User).where(User.email == normalize_email(email))).first()
        if user is None or not user.active:
            raise click.ClickException(f"Det finns ingen aktiv användare med e-postadressen {email}.")
        _, token = create_api_token(session, user, name)
    click.echo(token)


@click.command("verify-audit")
@with_appcontext
def verify_audit():
    """Check the audit log's hash chain; exit 1 if any entry was changed or removed."""
    result = verify_chain(get_session())
    if result.ok:
        click.echo(f"Granskningsloggen är obruten ({result.checked} poster kontrollerade).")
        return
    click.echo(f"Granskningsloggen är bruten vid post {result.broken_id}: {result.problem}.", err=True)
    sys.exit(1)


@click.command("cull-moderation")
@with_appcontext
@click.option("--dry-run", is_flag=True, help="Visa vad som skulle gallras, utan att ta bort något.")
@click.option("--days", type=click.IntRange(min=1), default=None,
              help="Gallra poster äldre än så här många dagar (standard: MODERATION_CULL_DAYS).")
def cull_moderation(dry_run, days):
    """Cull spam/advertising entries that led to no action and were never registered (for cron)."""
    from flask import current_app

    from aledraft.db import utcnow
    from aledraft.moderation.services import cull
    from aledraft.web import format_datetime

    days = days or current_app.config["MODERATION_CULL_DAYS"]
    with command_session() as session:
        result = cull(session, utcnow(), days, dry_run=dry_run)
    cutoff = format_datetime(result.cutoff)
    if dry_run:
        for item in result.items:
            click.echo(f"{item.id}\t{format_datetime(item.removed_at)}\t{item.account_name}")
        click.echo(f"Provkörning: {result.count} poster skulle gallras (spam/reklam utan åtgärd, "
                   f"borttagna före {cutoff}). Inget har tagits bort.")
    else:
        click.echo(f"{result.count} poster gallrade (spam/reklam utan åtgärd, borttagna före {cutoff}).")
