"""Drafts, their immutable versions, approvals, overrides, review comments and autosaves."""
import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from aledraft.db import Base, UTCDateTime, utcnow
from aledraft.models.accounts import Account
from aledraft.models.spokespersons import Spokesperson
from aledraft.models.users import User


class DraftState(str, enum.Enum):
    """Where a draft is in its lifecycle; the values are the API's codes."""

    DRAFT = "utkast"
    IN_REVIEW = "granskas"
    APPROVED = "godkand"
    PUBLISHED = "publicerad"

    @property
    def label(self) -> str:
        return DRAFT_STATE_LABELS[self]


DRAFT_STATE_LABELS = {
    DraftState.DRAFT: "Utkast",
    DraftState.IN_REVIEW: "Granskas",
    DraftState.APPROVED: "Godkänd",
    DraftState.PUBLISHED: "Publicerad",
}


class Draft(Base):
    """A post or reply being written for one account."""

    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    state: Mapped[str] = mapped_column(String(20), default=DraftState.DRAFT.value, index=True)
    #: Number of the current version (1 after the first save, +1 on every save).
    version: Mapped[int] = mapped_column(Integer, default=0)
    #: The question being answered, when the draft is a reply.
    reply_to_text: Mapped[str] = mapped_column(Text, default="")
    reply_to_url: Mapped[str] = mapped_column(String(500), default="")
    #: When the question came in (serviceskyldighet: answer as soon as possible).
    question_received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    spokesperson_id: Mapped[int | None] = mapped_column(ForeignKey("spokespersons.id"))
    planned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_url: Mapped[str] = mapped_column(String(500), default="")

    account: Mapped[Account] = relationship()
    author: Mapped[User] = relationship()
    spokesperson: Mapped[Spokesperson | None] = relationship()
    versions: Mapped[list["DraftVersion"]] = relationship(
        back_populates="draft", order_by="DraftVersion.number", cascade="all, delete-orphan"
    )

    @property
    def state_enum(self) -> DraftState:
        return DraftState(self.state)


class DraftVersion(Base):
    """One saved text of a draft; never changed after it is written."""

    __tablename__ = "draft_versions"
    __table_args__ = (UniqueConstraint("draft_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    #: SHA-256 of the text (UTF-8); an approval names it.
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: The analyzer's report (JSON) for this text, kept for statistics.
    report_json: Mapped[str] = mapped_column(Text, default="{}")

    draft: Mapped[Draft] = relationship(back_populates="versions")
    author: Mapped[User] = relationship()


class Approval(Base):
    """An approval of one exact version; it stops counting when the draft is edited."""

    __tablename__ = "approvals"

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"))
    version_id: Mapped[int] = mapped_column(ForeignKey("draft_versions.id"))
    content_hash: Mapped[str] = mapped_column(String(64))
    approver_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: Set when an edit after approval sent the draft back to utkast.
    invalidated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    version: Mapped[DraftVersion] = relationship()
    approver: Mapped[User] = relationship()
    overrides: Mapped[list["Override"]] = relationship(back_populates="approval", cascade="all, delete-orphan")


class Override(Base):
    """A block finding the approver let through, with a written reason."""

    __tablename__ = "overrides"

    id: Mapped[int] = mapped_column(primary_key=True)
    approval_id: Mapped[int] = mapped_column(ForeignKey("approvals.id", ondelete="CASCADE"))
    rule: Mapped[str] = mapped_column(String(80))
    start: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text)

    approval: Mapped[Approval] = relationship(back_populates="overrides")


class ReviewComment(Base):
    """A reviewer's comment on one version; sending back always carries one."""

    __tablename__ = "review_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"))
    version_id: Mapped[int | None] = mapped_column(ForeignKey("draft_versions.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(Text)
    #: "comment" or "send_back".
    kind: Mapped[str] = mapped_column(String(20), default="comment")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped[User] = relationship()
    version: Mapped[DraftVersion | None] = relationship()


class Autosave(Base):
    """The latest unsaved text a user typed for a draft (or a new draft of an account)."""

    __tablename__ = "autosaves"
    __table_args__ = (UniqueConstraint("user_id", "draft_id", "account_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    draft_id: Mapped[int | None] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    #: The version the text was based on.
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
