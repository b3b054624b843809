"""Recorded consent (samtycke) of a person named in a draft."""
import enum
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from aledraft.db import Base, UTCDateTime, utcnow
from aledraft.models.drafts import Draft
from aledraft.models.users import User


class ConsentMethod(str, enum.Enum):
    """How the consent was given."""

    WRITTEN = "skriftligt"
    ORAL = "muntligt"
    FORM = "blankett"

    @property
    def label(self) -> str:
        return {"skriftligt": "Skriftligt", "muntligt": "Muntligt", "blankett": "Blankett"}[self.value]


class Consent(Base):
    """A person's consent to appear by name in one draft; it can be withdrawn."""

    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    #: The name as it appears in the draft (the person-name finding's text).
    person_name: Mapped[str] = mapped_column(String(200))
    method: Mapped[str] = mapped_column(String(20))
    given_on: Mapped[date] = mapped_column(Date)
    #: Optional reference, e.g. where the signed form is kept.
    reference: Mapped[str] = mapped_column(String(200), default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    withdrawal_note: Mapped[str] = mapped_column(Text, default="")

    draft: Mapped[Draft] = relationship()
    recorded_by: Mapped[User] = relationship(foreign_keys=[recorded_by_id])
    withdrawn_by: Mapped[User | None] = relationship(foreign_keys=[withdrawn_by_id])

    @property
    def method_label(self) -> str:
        return ConsentMethod(self.method).label
