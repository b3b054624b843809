"""Passwords, login with throttling, and API tokens."""
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from aledraft import audit
from aledraft.db import utcnow
from aledraft.errors import NotFound, Throttled, ValidationFailed
from aledraft.models import ApiToken, LoginAttempt, User

MIN_PASSWORD_LENGTH = 10
#: How stale an API token's "last used" time may get before a request writes it again.
TOKEN_USE_RESOLUTION = timedelta(minutes=1)
# Checked against when the e-mail is unknown, so that a wrong e-mail takes as long as a wrong password.
_DUMMY_HASH = generate_password_hash("not-a-real-password")


def hash_password(password: str) -> str:
    """Return a salted scrypt hash of the password.

    :raise ValidationFailed: the password is too short
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed(f"Lösenordet måste ha minst {MIN_PASSWORD_LENGTH} tecken.")
    return generate_password_hash(password, method="scrypt")


def normalize_email(email: str) -> str:
    """Return the e-mail address trimmed and in lower case."""
    return email.strip().lower()


@dataclass(frozen=True)
class ThrottleState:
    """Whether login attempts must wait, and until when."""

    blocked: bool
    retry_at: datetime | None = None


def throttle_state(session: Session, email: str, ip: str, *, max_failures: int, window: int,
                   now: datetime | None = None) -> ThrottleState:
    """Return whether the account or address has failed too often within the window."""
    now = now or utcnow()
    since = now - timedelta(seconds=window)
    for column, value in ((LoginAttempt.email, normalize_email(email)), (LoginAttempt.ip, ip)):
        failures = session.scalars(
            select(LoginAttempt.at)
            .where(column == value, LoginAttempt.success.is_(False), LoginAttempt.at >= since)
            .order_by(LoginAttempt.at.desc())
            .limit(max_failures)
        ).all()
        if len(failures) >= max_failures:
            # The oldest of the last N failures leaves the window at this time.
            return ThrottleState(True, min(failures) + timedelta(seconds=window))
    return ThrottleState(False)


def authenticate(session: Session, email: str, password: str, ip: str, *, max_failures: int,
                 window: int, now: datetime | None = None) -> User | None:
    """Check the credentials, record the attempt and return the user, or None on failure.

    :raise Throttled: too many failures for this account or address; nothing is checked
    """
    now = now or utcnow()
    email = normalize_email(email)
    state = throttle_state(session, email, ip, max_failures=max_failures, window=window, now=now)
    if state.blocked:
        minutes = max(1, int((state.retry_at - now).total_seconds() // 60) + 1)
        raise Throttled(
            f"För många misslyckade inloggningar. Vänta {minutes} minut{'er' if minutes != 1 else ''} "
            "och försök igen, eller be en administratör återställa lösenordet."
        )
    user = session.scalars(select(User).where(User.email == email)).first()
    ok = check_password_hash(user.password_hash if user else _DUMMY_HASH, password)
    ok = ok and user is not None and user.active
    session.add(LoginAttempt(email=email, ip=ip, at=now, success=ok))
    session.flush()
    return user if ok else None


def create_api_token(session: Session, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a bearer token for the user; return the row and the token, shown only this once."""
    name = name.strip() or "API-nyckel"
    token = "ald_" + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, name=name[:100], prefix=token[:10],
                   token_hash=_token_digest(token))
    session.add(row)
    session.flush()
    audit.record(session, user, "api_token.create", row, {"name": row.name, "prefix": row.prefix})
    return row, token


def revoke_api_token(session: Session, user: User, token_id: int, actor: User) -> ApiToken:
    """Revoke one of the user's tokens.

    :raise NotFound: the user has no such token
    """
    row = session.get(ApiToken, token_id)
    if row is None or row.user_id != user.id:
        raise NotFound("API-nyckeln finns inte.")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        audit.record(session, actor, "api_token.revoke", row, {"prefix": row.prefix})
    return row


def user_for_token(session: Session, token: str) -> User | None:
    """Return the active user owning a valid, unrevoked token, or None."""
    row = session.scalars(select(ApiToken).where(ApiToken.token_hash == _token_digest(token))).first()
    if row is None or row.revoked_at is not None or not row.user.active:
        return None
    now = utcnow()
    # The profile shows the minute a token was last used; writing it on every request would
    # cost an API call that only reads (such as /api/v1/analyze) an UPDATE and a commit.
    if row.last_used_at is None or now - row.last_used_at >= TOKEN_USE_RESOLUTION:
        row.last_used_at = now
    return row.user


def _token_digest(token: str) -> str:
    # Tokens are long random strings, so a fast unsalted hash is enough to store them safely.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()

