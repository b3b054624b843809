"""Appointed spokespersons (talespersoner)."""
from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from aledraft.db import Base, UTCDateTime, utcnow
from aledraft.models.users import User


class Spokesperson(Base):
    """A person appointed to speak on the municipality's behalf on some topics."""

    __tablename__ = "spokespersons"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: A staff member, or None for a named external person.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    external_name: Mapped[str] = mapped_column(String(200), default="")
    #: Role title shown with the signature, e.g. "kommunalråd".
    title: Mapped[str] = mapped_column(String(200), default="")
    #: Topic areas, one per line.
    topics: Mapped[str] = mapped_column(Text, default="")
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    appointed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User | None] = relationship(foreign_keys=[user_id])
    appointed_by: Mapped[User | None] = relationship(foreign_keys=[appointed_by_id])

    @property
    def display_name(self) -> str:
        return self.user.name if self.user else self.external_name

    @property
    def topic_list(self) -> list[str]:
        return [t.strip() for t in self.topics.splitlines() if t.strip()]

    def is_current(self, today: date) -> bool:
        """Return True if the appointment is active and valid on the given day."""
        return self.active and self.valid_from <= today and (self.valid_to is None or today <= self.valid_to)
