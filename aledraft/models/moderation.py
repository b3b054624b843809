"""The moderation register: removed posts and comments (borttaget innehåll)."""
import enum
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from aledraft.db import Base, UTCDateTime, utcnow
from aledraft.models.accounts import Account
from aledraft.models.users import User


class RemovalReason(str, enum.Enum):
    """Why content was removed."""

    CONFIDENTIAL = "sekretess"
    UNLAWFUL = "lagbrott"
    OFFENSIVE = "krankande"
    PERSONAL_DATA = "personuppgifter"
    SPAM = "spam"
    OTHER = "annat"

    @property
    def label(self) -> str:
        return REMOVAL_REASON_LABELS[self]


REMOVAL_REASON_LABELS = {
    RemovalReason.CONFIDENTIAL: "Sekretess",
    RemovalReason.UNLAWFUL: "Lagbrott",
    RemovalReason.OFFENSIVE: "Kränkande/stötande",
    RemovalReason.PERSONAL_DATA: "Personuppgifter",
    RemovalReason.SPAM: "Spam/reklam",
    RemovalReason.OTHER: "Annat",
}


class ModerationEntry(Base):
    """One removed post or comment, documented and registered as the policy requires."""

    __tablename__ = "moderation_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    removed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    removed_text: Mapped[str] = mapped_column(Text)
    #: The author's public handle on the platform.
    author_handle: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(String(20))
    #: Required when the reason is "annat".
    reason_explanation: Mapped[str] = mapped_column(Text, default="")
    removed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    #: Whether the content led to any action (then it may never be culled).
    led_to_action: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Diarienummer once registered in the case management system.
    diarienummer: Mapped[str] = mapped_column(String(60), default="")
    registered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    account: Mapped[Account] = relationship()
    removed_by: Mapped[User] = relationship()
    screenshot: Mapped["Screenshot | None"] = relationship(
        back_populates="entry", cascade="all, delete-orphan", uselist=False
    )


class Screenshot(Base):
    """A screenshot of removed content, re-encoded without metadata."""

    __tablename__ = "moderation_screenshots"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("moderation_entries.id", ondelete="CASCADE"), unique=True)
    mime_type: Mapped[str] = mapped_column(String(20))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)

    entry: Mapped[ModerationEntry] = relationship(back_populates="screenshot")
