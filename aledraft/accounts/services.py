"""The account registry: policy warnings and the public list."""
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from aledraft.models import Account, AccountStatus, Platform


@dataclass(frozen=True)
class PublicAccount:
    """One row of the public list: nothing personal, only what the website shows."""

    platform: str
    platform_label: str
    name: str
    link: str
    purpose: str
    unit: str

    def to_dict(self) -> dict:
        return {"plattform": self.platform_label, "namn": self.name, "lank": self.link,
                "syfte": self.purpose, "ansvarig_enhet": self.unit}


def public_list(session: Session) -> list[PublicAccount]:
    """Return the active accounts for the municipality's website, by platform and name."""
    accounts = session.scalars(
        select(Account).where(Account.status == AccountStatus.ACTIVE.value).order_by(Account.platform, Account.name)
    ).all()
    return [
        PublicAccount(a.platform, Platform(a.platform).label, a.name, a.url, a.purpose, a.unit)
        for a in accounts
    ]
