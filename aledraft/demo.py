"""Demo users, accounts and spokespersons for `flask seed-demo` (safe to run again)."""
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from aledraft import audit
from aledraft.access import Role
from aledraft.admin.services import create_user
from aledraft.models import Account, Platform, Spokesperson, User

#: (e-mail, name, unit, password, roles) — the passwords are printed in the README.
DEMO_USERS = [
    ("skribent@ale.se", "Sara Skribent", "Kultur och fritid", "demo-skribent-1", [Role.AUTHOR]),
    ("granskare@ale.se", "Gustav Granskare", "Kommunikationsenheten", "demo-granskare-1", [Role.REVIEWER]),
    ("kontoansvarig@ale.se", "Karin Kontoansvarig", "Biblioteken", "demo-kontoansvarig-1", [Role.ACCOUNT_ADMIN, Role.AUTHOR]),
    ("chef@ale.se", "Kim Kommunikationschef", "Kommunikationsenheten", "demo-chef-1", [Role.COMMS_CHIEF]),
    ("admin@ale.se", "Alex Admin", "IT-enheten", "demo-admin-1", [Role.ADMIN]),
]

#: (platform, name, url, purpose, unit, responsible e-mail, admin e-mails, open, logo)
DEMO_ACCOUNTS = [
    (Platform.FACEBOOK, "Ale kommun", "https://www.facebook.com/alekommun",
     "Kommunens huvudkanal: nyheter, service och kriskommunikation till invånarna.",
     "Kommunikationsenheten", "chef@ale.se", ["granskare@ale.se"], True, True),
    (Platform.INSTAGRAM, "Ale bibliotek", "https://www.instagram.com/alebibliotek",
     "Tips, evenemang och öppettider från biblioteken i Ale.",
     "Biblioteken", "kontoansvarig@ale.se", ["kontoansvarig@ale.se"], True, True),
    (Platform.X, "Ale kommun", "https://x.com/alekommun",
     "Snabb information och kriskommunikation.", "Kommunikationsenheten", "chef@ale.se",
     ["granskare@ale.se"], True, True),
    (Platform.LINKEDIN, "Ale kommun – arbetsgivare", "https://www.linkedin.com/company/ale-kommun",
     "Kommunen som arbetsgivare: lediga jobb och medarbetarberättelser.", "HR-avdelningen",
     "chef@ale.se", [], True, True),
    (Platform.TIKTOK, "Fritidsgården Nödinge", "@fritidsnodinge", "", "Kultur och fritid", None,
     ["skribent@ale.se"], False, False),
]


def seed(session: Session) -> int:
    """Add whatever of the demo data is missing; return how many rows were added."""
    added = 0
    users = {}
    for email, name, unit, password, roles in DEMO_USERS:
        user = session.scalars(select(User).where(User.email == email)).first()
        if user is None:
            user = create_user(session, None, email=email, name=name, password=password, roles=roles, unit=unit)
            added += 1
        users[email] = user
    for platform, name, url, purpose, unit, responsible, admins, is_open, logo in DEMO_ACCOUNTS:
        exists = session.scalars(
            select(Account).where(Account.platform == platform.value, Account.name == name)
        ).first()
        if exists is None:
            account = Account(platform=platform.value, name=name, url=url, purpose=purpose, unit=unit,
                              responsible=users.get(responsible), is_open=is_open, logo_confirmed=logo,
                              admins=[users[e] for e in admins])
            session.add(account)
            session.flush()
            audit.record(session, None, "account.create", account, {"name": name, "demo": True})
            added += 1
    if session.scalars(select(Spokesperson)).first() is None:
        for spokesperson in (
            Spokesperson(user=users["chef@ale.se"], title="Kommunikationschef",
                         topics="Kriskommunikation\nKommunens kanaler", valid_from=date(2026, 1, 1),
                         appointed_by=users["admin@ale.se"]),
            Spokesperson(external_name="Maja Lindqvist", title="Kommunstyrelsens ordförande",
                         topics="Politiska beslut\nBudget", valid_from=date(2026, 1, 1),
                         valid_to=date(2026, 12, 31), appointed_by=users["admin@ale.se"]),
        ):
            session.add(spokesperson)
            session.flush()
            audit.record(session, None, "spokesperson.appoint", spokesperson,
                         {"name": spokesperson.display_name, "demo": True})
            added += 1
    return added
