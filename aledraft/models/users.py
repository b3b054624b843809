"""Users, their roles, API tokens and login attempts."""
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from aledraft.db import Base, UTCDateTime, utcnow


class User(UserMixin, Base):
    """A member of staff. Never deleted: history keeps the name."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Login name, stored in lower case.
    email: Mapped[str] = mapped_column(String(254), unique=True)
    #: Full name as shown in the interface and the audit log.
    name: Mapped[str] = mapped_column(String(200))
    #: Unit (förvaltning/enhet) the user works in; shown in the public account list.
    unit: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    #: Disabled users cannot log in.
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    roles: Mapped[list["UserRole"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def is_active(self) -> bool:  # Flask-Login
        return self.active

    @property
    def role_codes(self) -> set[str]:
        """Return the codes of the roles this user holds."""
        return {r.role for r in self.roles}

    def has_role(self, *roles) -> bool:
        """Return True if the user holds any of the given roles (Role members or codes)."""
        wanted = {getattr(r, "value", r) for r in roles}
        return bool(self.role_codes & wanted)


class UserRole(Base):
    """One role held by one user; a user may hold several."""

    __tablename__ = "user_roles"
    __table_args__ = (UniqueConstraint("user_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    #: A Role code (access.Role).
    role: Mapped[str] = mapped_column(String(40))

    user: Mapped[User] = relationship(back_populates="roles")


class ApiToken(Base):
    """A personal bearer token for the JSON API; only its SHA-256 is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    #: What the user called the token.
    name: Mapped[str] = mapped_column(String(100))
    #: The first characters of the token, shown so the user can tell tokens apart.
    prefix: Mapped[str] = mapped_column(String(12))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()


class LoginAttempt(Base):
    """One login attempt; failures are counted per e-mail and per address for throttling."""

    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_email_at", "email", "at"), Index("ix_login_attempts_ip_at", "ip", "at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    ip: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    success: Mapped[bool] = mapped_column(Boolean)
