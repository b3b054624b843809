"""Social media accounts of the municipality (the account registry)."""
import enum
from datetime import datetime

from sqlalchemy import Boolean, Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from aledraft.db import Base, UTCDateTime, utcnow
from aledraft.models.users import User


class Platform(str, enum.Enum):
    """Where an account lives."""

    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    X = "x"
    LINKEDIN = "linkedin"
    YOUTUBE = "youtube"
    TIKTOK = "tiktok"
    OTHER = "annat"

    @property
    def label(self) -> str:
        return PLATFORM_LABELS[self]


PLATFORM_LABELS = {
    Platform.FACEBOOK: "Facebook",
    Platform.INSTAGRAM: "Instagram",
    Platform.X: "X",
    Platform.LINKEDIN: "LinkedIn",
    Platform.YOUTUBE: "YouTube",
    Platform.TIKTOK: "TikTok",
    Platform.OTHER: "Annat",
}


class AccountStatus(str, enum.Enum):
    """Lifecycle of an account: active, being wound down, closed."""

    ACTIVE = "aktiv"
    CLOSING = "under_avveckling"
    CLOSED = "stangd"

    @property
    def label(self) -> str:
        return {"aktiv": "Aktiv", "under_avveckling": "Under avveckling", "stangd": "Stängd"}[self.value]


account_admins = Table(
    "account_admins",
    Base.metadata,
    Column("account_id", ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)


class Account(Base):
    """An account on a social media platform, run in the municipality's name."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    #: Link to the account, or its handle.
    url: Mapped[str] = mapped_column(String(500), default="")
    #: The account's clearly defined purpose (syfte); required by the policy.
    purpose: Mapped[str] = mapped_column(Text, default="")
    #: The appointed responsible person; required by the policy.
    responsible_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: Unit shown in the public list (never a personal e-mail address).
    unit: Mapped[str] = mapped_column(String(200), default="")
    #: Open account: no follow or like needed to see the content.
    is_open: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Profile picture with Ale kommun's logo confirmed.
    logo_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default=AccountStatus.ACTIVE.value)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Time of the latest publication through aledraft (or recorded by hand).
    last_activity_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    responsible: Mapped[User | None] = relationship(foreign_keys=[responsible_id])
    admins: Mapped[list[User]] = relationship(secondary=account_admins, order_by=User.name)
    closures: Mapped[list["AccountClosure"]] = relationship(
        back_populates="account", order_by="AccountClosure.id", cascade="all, delete-orphan"
    )

    @property
    def platform_enum(self) -> Platform:
        return Platform(self.platform)

    @property
    def status_enum(self) -> AccountStatus:
        return AccountStatus(self.status)

    def is_admin(self, user) -> bool:
        """Return True if the user administers this account."""
        return any(admin.id == user.id for admin in self.admins)


class AccountClosure(Base):
    """The closing of an account: proposal, the communications chief's decision, the closing itself."""

    __tablename__ = "account_closures"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    proposed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    proposal_reason: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: The chief's decision: "close", "keep" (the proposal was turned down), or "" while undecided.
    decision: Mapped[str] = mapped_column(String(20), default="")
    #: The communications chief's written reason; required.
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    account: Mapped[Account] = relationship(back_populates="closures")
    proposed_by: Mapped[User | None] = relationship(foreign_keys=[proposed_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    closed_by: Mapped[User | None] = relationship(foreign_keys=[closed_by_id])

    @property
    def is_pending(self) -> bool:
        """Return True while the proposal waits for the chief's decision."""
        return self.decided_at is None

    @property
    def is_open(self) -> bool:
        """Return True until the closing is turned down or the account is shut down."""
        return self.decision != "keep" and self.closed_at is None
