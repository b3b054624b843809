"""Plain functions that create rows for tests; exposed as factory fixtures in conftest."""
import itertools

from sqlalchemy.orm import Session

from aledraft.access import Role
from aledraft.admin.services import create_user
from aledraft.models import Account, Platform, User

_counter = itertools.count(1)
PASSWORD = "rätt-lösenord-123"


def make_user(session: Session, *, roles=(Role.AUTHOR,), name: str | None = None,
              email: str | None = None, password: str = PASSWORD, unit: str = "") -> User:
    """Create a user holding the given roles (committed, so requests see it)."""
    n = next(_counter)
    user = create_user(session, None, email=email or f"user{n}@ale.se", name=name or f"Testperson {n}",
                       password=password, roles=list(roles), unit=unit)
    session.commit()
    return user


def make_account(session: Session, *, name: str = "Ale kommun", platform: Platform = Platform.FACEBOOK,
                 purpose: str = "Nyheter och service till invånarna.", responsible: User | None = None,
                 admins=(), is_open: bool = True, logo_confirmed: bool = True, unit: str = "Kommunikationsenheten",
                 url: str = "https://www.facebook.com/alekommun") -> Account:
    """Create an account (committed)."""
    account = Account(platform=platform.value, name=name, purpose=purpose, responsible=responsible,
                      admins=list(admins), is_open=is_open, logo_confirmed=logo_confirmed, unit=unit, url=url)
    session.add(account)
    session.commit()
    return account


def make_draft(session: Session, author: User, account: Account, text: str = "Välkommen till biblioteket!",
               *, state=None, **metadata):
    """Create a draft through the service (committed); state=DraftState.IN_REVIEW submits it."""
    from aledraft.drafts.services import create_draft
    from aledraft.models import DraftState
    from aledraft.review.services import submit

    draft = create_draft(session, author, account, text, **metadata)
    if state in (DraftState.IN_REVIEW, DraftState.IN_REVIEW.value):
        submit(session, draft, author)
    session.commit()
    return draft


def make_moderation_entry(session: Session, *, account: Account, removed_by: User, reason=None,
                          removed_at=None, published_at=None, removed_text: str = "Köp billiga solglasögon!",
                          author_handle: str = "@solbutiken", led_to_action: bool = False,
                          diarienummer: str = "", registered_at=None, reason_explanation: str = ""):
    """Create a moderation entry directly (committed); times must be aware datetimes."""
    from aledraft.db import utcnow
    from aledraft.models import ModerationEntry, RemovalReason

    entry = ModerationEntry(
        account=account, removed_by=removed_by, reason=(reason or RemovalReason.SPAM).value,
        removed_at=removed_at or utcnow(), published_at=published_at, removed_text=removed_text,
        author_handle=author_handle, led_to_action=led_to_action, diarienummer=diarienummer,
        registered_at=registered_at, reason_explanation=reason_explanation)
    session.add(entry)
    session.commit()
    return entry
