"""The account registry: register and edit accounts, policy warnings, closing, and the public list.

Closing follows the policy's "Nedstängning av konto": anyone in the communications unit, or the
account's own admins, may propose it; only the communications chief decides (with a written
reason), which puts the account "under avveckling"; once it has been shut down on the platform
the communications unit marks it closed. Accounts under avveckling stay in the public list until
they are closed, so the public can still find the channel while it is being wound down.
"""
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from aledraft import audit
from aledraft.access import (can_close_account, can_edit_account, can_manage_accounts, can_mark_closed,
                             can_propose_closure, require)
from aledraft.db import utcnow
from aledraft.errors import InvalidTransition, ValidationFailed
from aledraft.models import Account, AccountClosure, AccountStatus, Platform, User

#: The account statuses shown in the public list (closed accounts leave it).
PUBLIC_STATUSES = (AccountStatus.ACTIVE.value, AccountStatus.CLOSING.value)

#: Fields a registry form edits, in the order the audit diff lists them.
EDITABLE_FIELDS = ("platform", "name", "url", "purpose", "unit", "responsible", "admins", "is_open",
                   "logo_confirmed")

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_OTHER_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)

# The policy's warnings, one message per rule (Swedish: shown as they are).
WARN_NO_PURPOSE = "Kontot saknar syfte. Enligt riktlinjerna ska varje konto ha ett klart definierat syfte."
WARN_NO_RESPONSIBLE = "Kontot saknar utsedd ansvarig person."
WARN_RESPONSIBLE_DISABLED = ("Den ansvariga personen är avstängd i aledraft. Utse en ny ansvarig person.")
WARN_NOT_OPEN = ("Kontot är inte öppet. Alla verksamheter ska använda öppna konton som alla kan "
                 "läsa utan att följa eller gilla sidan.")
WARN_SENDER = ("Kontots namn visar inte tydligt att Ale kommun är avsändare (namnet innehåller inte "
               "”Ale”).")
WARN_NO_LOGO = "Det är inte bekräftat att profilbilden har Ale kommuns logotyp."


def policy_warnings(account: Account) -> list[str]:
    """Return, in Swedish, each way the account falls short of the social media policy."""
    warnings = []
    if not (account.purpose or "").strip():
        warnings.append(WARN_NO_PURPOSE)
    if account.responsible is None:
        warnings.append(WARN_NO_RESPONSIBLE)
    elif not account.responsible.active:
        warnings.append(WARN_RESPONSIBLE_DISABLED)
    if not account.is_open:
        warnings.append(WARN_NOT_OPEN)
    if "ale" not in (account.name or "").casefold():
        warnings.append(WARN_SENDER)
    if not account.logo_confirmed:
        warnings.append(WARN_NO_LOGO)
    return warnings


@dataclass
class AccountData:
    """What a registry form says about an account."""

    platform: str
    name: str
    url: str
    purpose: str
    unit: str
    responsible: User | None
    admins: list[User]
    is_open: bool
    logo_confirmed: bool


def _validate(session: Session, data: AccountData, account: Account | None) -> AccountData:
    """Return the data trimmed, or refuse it.

    :raise ValidationFailed: a required field is missing or a value is not acceptable
    """
    try:
        platform = Platform(data.platform).value
    except ValueError:
        raise ValidationFailed("Välj en plattform i listan.") from None
    name, url, purpose, unit = (v.strip() for v in (data.name, data.url, data.purpose, data.unit))
    if not name:
        raise ValidationFailed("Ange kontots namn.")
    if not purpose:
        raise ValidationFailed("Ange kontots syfte. Riktlinjerna kräver ett klart definierat syfte.")
    if data.responsible is None:
        raise ValidationFailed("Välj en ansvarig person. Riktlinjerna kräver en utsedd ansvarig för varje konto.")
    if url and _OTHER_SCHEME.match(url) and not url.lower().startswith(("https://", "http://")):
        raise ValidationFailed("Ange en webbadress som börjar med https:// eller ett användarnamn som @alekommun.")
    if _EMAIL.search(unit):
        # The unit is published in the public list, which must not carry personal e-mail addresses.
        raise ValidationFailed("Ange den ansvariga enhetens namn, inte en e-postadress.")
    duplicate = session.scalars(
        select(Account).where(Account.platform == platform, func.lower(Account.name) == name.lower(),
                              Account.status != AccountStatus.CLOSED.value)
    ).first()
    if duplicate is not None and duplicate is not account:
        raise ValidationFailed(f"Det finns redan ett konto med namnet {name} på {Platform(platform).label}.")
    admins = sorted({u.id: u for u in data.admins}.values(), key=lambda u: u.name)
    return AccountData(platform, name, url, purpose, unit, data.responsible, admins, bool(data.is_open),
                       bool(data.logo_confirmed))


def _snapshot(account: Account) -> dict:
    """Return the editable fields in the form the audit diff records them."""
    return {
        "platform": account.platform,
        "name": account.name,
        "url": account.url,
        "purpose": account.purpose,
        "unit": account.unit,
        "responsible": account.responsible.name if account.responsible else None,
        "admins": [u.name for u in account.admins],
        "is_open": account.is_open,
        "logo_confirmed": account.logo_confirmed,
    }


def create_account(session: Session, actor: User, data: AccountData) -> Account:
    """Register an account.

    :raise NotPermitted: the actor is neither an admin nor in the communications unit
    :raise ValidationFailed: purpose or responsible person missing, or another field not acceptable
    """
    require(can_manage_accounts(actor), "Bara administratörer och kommunikationsenheten kan registrera konton.")
    data = _validate(session, data, None)
    account = Account(platform=data.platform, name=data.name, url=data.url, purpose=data.purpose,
                      unit=data.unit, responsible=data.responsible, admins=list(data.admins),
                      is_open=data.is_open, logo_confirmed=data.logo_confirmed,
                      status=AccountStatus.ACTIVE.value, created_at=utcnow())
    session.add(account)
    session.flush()
    audit.record(session, actor, "account.create", account, _snapshot(account))
    return account


def update_account(session: Session, actor: User, account: Account, data: AccountData) -> dict:
    """Change an account's registry details; return the changes as {field: [before, after]}.

    :raise NotPermitted: the actor may not edit this account
    :raise InvalidTransition: the account is closed
    :raise ValidationFailed: purpose or responsible person missing, or another field not acceptable
    """
    require(can_edit_account(actor, account), "Du får bara ändra konton som du administrerar.")
    if account.status == AccountStatus.CLOSED.value:
        raise InvalidTransition("Kontot är stängt och kan inte längre ändras.")
    data = _validate(session, data, account)
    before = _snapshot(account)
    account.platform = data.platform
    account.name = data.name
    account.url = data.url
    account.purpose = data.purpose
    account.unit = data.unit
    account.responsible = data.responsible
    account.admins = list(data.admins)
    account.is_open = data.is_open
    account.logo_confirmed = data.logo_confirmed
    after = _snapshot(account)
    changes = {f: [before[f], after[f]] for f in EDITABLE_FIELDS if before[f] != after[f]}
    if changes:
        account.updated_at = utcnow()
        session.flush()
        audit.record(session, actor, "account.update", account, changes)
    return changes


def record_activity(session: Session, actor: User, account: Account, now: datetime | None = None) -> Account:
    """Record that the account published something today outside aledraft.

    :raise NotPermitted: the actor may not edit this account
    :raise InvalidTransition: the account is closed
    """
    require(can_edit_account(actor, account), "Du får bara ändra konton som du administrerar.")
    if account.status == AccountStatus.CLOSED.value:
        raise InvalidTransition("Kontot är stängt.")
    account.last_activity_at = now or utcnow()
    session.flush()
    audit.record(session, actor, "account.activity", account, {"at": account.last_activity_at.isoformat()})
    return account


# Closing (Nedstängning av konto).


def open_closure(account: Account) -> AccountClosure | None:
    """Return the account's closing in progress (proposed or decided, not yet shut down), if any."""
    return next((c for c in reversed(account.closures) if c.is_open), None)


def _reason(reason: str | None, message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(message)
    return reason


def propose_closure(session: Session, actor: User, account: Account, reason: str,
                    now: datetime | None = None) -> AccountClosure:
    """Propose that an active account is closed, with a reason, for the chief to decide.

    :raise NotPermitted: the actor is neither in the communications unit nor an admin of the account
    :raise InvalidTransition: the account is not active, or a proposal already waits
    :raise ValidationFailed: no reason given
    """
    require(can_propose_closure(actor, account),
            "Bara kommunikationsenheten och kontots administratörer kan föreslå att kontot stängs.")
    if account.status != AccountStatus.ACTIVE.value:
        raise InvalidTransition("Bara aktiva konton kan föreslås för stängning.")
    if open_closure(account) is not None:
        raise InvalidTransition("Det finns redan ett förslag om att stänga kontot som väntar på beslut.")
    reason = _reason(reason, "Skriv varför kontot ska stängas.")
    closure = AccountClosure(account=account, proposed_by=actor, proposed_at=now or utcnow(),
                             proposal_reason=reason)
    session.add(closure)
    session.flush()
    audit.record(session, actor, "account.closure_propose", account,
                 {"closure_id": closure.id, "reason": reason})
    return closure


def decide_closure(session: Session, actor: User, account: Account, reason: str, *,
                   shut_down: bool = False, now: datetime | None = None) -> AccountClosure:
    """Decide, as communications chief, that the account is closed; it goes "under avveckling".

    Without a pending proposal the decision stands on its own. With shut_down the account is
    also recorded as already shut down on the platform (status stängd).

    :raise NotPermitted: the actor is not the communications chief
    :raise InvalidTransition: the account is not active
    :raise ValidationFailed: no reason given
    """
    require(can_close_account(actor), "Bara kommunikationschefen kan besluta att ett konto ska stängas.")
    if account.status != AccountStatus.ACTIVE.value:
        raise InvalidTransition("Det finns redan ett beslut om att stänga kontot.")
    reason = _reason(reason, "Skriv motiveringen till beslutet.")
    now = now or utcnow()
    closure = open_closure(account)
    if closure is None:
        closure = AccountClosure(account=account)
        session.add(closure)
    closure.decided_by = actor
    closure.decided_at = now
    closure.decision = "close"
    closure.decision_reason = reason
    account.status = AccountStatus.CLOSING.value
    account.updated_at = now
    session.flush()
    audit.record(session, actor, "account.closure_decide", account,
                 {"closure_id": closure.id, "reason": reason, "proposed": closure.proposed_at is not None})
    if shut_down:
        mark_closed(session, actor, account, now=now)
    return closure


def decline_closure(session: Session, actor: User, account: Account, reason: str,
                    now: datetime | None = None) -> AccountClosure:
    """Turn down, as communications chief, a proposal to close the account; it stays active.

    :raise NotPermitted: the actor is not the communications chief
    :raise InvalidTransition: there is no proposal waiting for a decision
    :raise ValidationFailed: no reason given
    """
    require(can_close_account(actor), "Bara kommunikationschefen kan besluta om förslag att stänga konton.")
    closure = open_closure(account)
    if closure is None or not closure.is_pending:
        raise InvalidTransition("Det finns inget förslag om stängning som väntar på beslut.")
    reason = _reason(reason, "Skriv motiveringen till beslutet.")
    closure.decided_by = actor
    closure.decided_at = now or utcnow()
    closure.decision = "keep"
    closure.decision_reason = reason
    session.flush()
    audit.record(session, actor, "account.closure_decline", account, {"closure_id": closure.id, "reason": reason})
    return closure


def mark_closed(session: Session, actor: User, account: Account, now: datetime | None = None) -> AccountClosure:
    """Record that an account decided for closing has been shut down on the platform.

    :raise NotPermitted: the actor is not in the communications unit
    :raise InvalidTransition: the chief has not decided to close the account, or it is already closed
    """
    require(can_mark_closed(actor), "Bara kommunikationsenheten kan markera ett konto som stängt.")
    if account.status == AccountStatus.CLOSED.value:
        raise InvalidTransition("Kontot är redan stängt.")
    closure = open_closure(account)
    if account.status != AccountStatus.CLOSING.value or closure is None or closure.decision != "close":
        raise InvalidTransition("Kontot kan markeras som stängt först när kommunikationschefen har beslutat "
                                "att det ska stängas.")
    now = now or utcnow()
    closure.closed_by = actor
    closure.closed_at = now
    account.status = AccountStatus.CLOSED.value
    account.closed_at = now
    account.updated_at = now
    session.flush()
    audit.record(session, actor, "account.close", account, {"closure_id": closure.id})
    return closure


def last_activity(account: Account) -> datetime:
    """Return when the account last published, or when it was registered if it never has."""
    return account.last_activity_at or account.created_at


def inactive_accounts(session: Session, now: datetime, days: int) -> list[Account]:
    """Return active accounts that have not published for `days` days or more, longest silent first."""
    cutoff = now - timedelta(days=days)
    latest = func.coalesce(Account.last_activity_at, Account.created_at)
    return list(session.scalars(
        select(Account)
        .where(Account.status == AccountStatus.ACTIVE.value, latest <= cutoff)
        .order_by(latest, Account.name)
    ))


def registry(session: Session, status: str | None = None) -> list[Account]:
    """Return the accounts of the registry, optionally of one status, by platform and name."""
    query = select(Account).order_by(Account.platform, Account.name, Account.id)
    if status:
        query = query.where(Account.status == status)
    return list(session.scalars(query))


# The public list for the municipality's website.


@dataclass(frozen=True)
class PublicAccount:
    """One row of the public list: nothing personal, only what the website shows."""

    platform: str
    platform_label: str
    name: str
    link: str
    purpose: str
    unit: str
    status: str
    status_label: str

    def to_dict(self) -> dict:
        return {"plattform": self.platform_label, "namn": self.name, "lank": self.link,
                "syfte": self.purpose, "ansvarig_enhet": self.unit, "status": self.status_label}


def public_list(session: Session) -> list[PublicAccount]:
    """Return the accounts for the municipality's website (active and under avveckling), by platform and name."""
    accounts = session.scalars(
        select(Account).where(Account.status.in_(PUBLIC_STATUSES)).order_by(Account.platform, Account.name)
    ).all()
    return [
        PublicAccount(a.platform, Platform(a.platform).label, a.name, a.url, a.purpose, a.unit,
                      a.status, a.status_enum.label)
        for a in accounts
    ]
