"""All models; importing this package registers every table on Base.metadata."""
from aledraft.models.accounts import Account, AccountClosure, AccountStatus, Platform, account_admins
from aledraft.models.audit import AuditEntry
from aledraft.models.consent import Consent, ConsentMethod
from aledraft.models.drafts import Approval, Autosave, Draft, DraftState, DraftVersion, Override, ReviewComment
from aledraft.models.moderation import ModerationEntry, RemovalReason, Screenshot
from aledraft.models.spokespersons import Spokesperson
from aledraft.models.users import ApiToken, LoginAttempt, User, UserRole

__all__ = [
    "Account", "AccountClosure", "AccountStatus", "Platform", "account_admins", "AuditEntry",
    "Consent", "ConsentMethod", "Approval", "Autosave", "Draft", "DraftState", "DraftVersion",
    "Override", "ReviewComment", "ModerationEntry", "RemovalReason", "Screenshot",
    "Spokesperson", "ApiToken", "LoginAttempt", "User", "UserRole",
]
