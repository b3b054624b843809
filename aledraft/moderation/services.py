"""The moderation register: record removed content, register it, export it, cull what may go.

Culling rule (diarieföring och gallring): an entry may be culled only when its reason is
spam/reklam, it led to no action, it was never registered in the case management system
(registering means someone judged it important), and it was removed MORE than `days` days
before `now` (an entry removed exactly `days` days ago is kept until the next run).
"""
import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from aledraft import audit
from aledraft.access import can_moderate, require
from aledraft.errors import NotFound, NotPermitted, ValidationFailed
from aledraft.models import Account, ModerationEntry, RemovalReason, Screenshot
from aledraft.moderation.images import clean_screenshot
from aledraft.web import LOCAL_TZ

MAX_TEXT = 20_000
MAX_HANDLE = 200
MAX_DIARIENUMMER = 60


def moderated_accounts(session: Session, user) -> list[Account]:
    """Return the accounts whose removed content the user may record and read, by name."""
    query = select(Account).options(selectinload(Account.admins)).order_by(Account.name, Account.id)
    return [a for a in session.scalars(query) if can_moderate(user, a)]


def account_ids(session: Session) -> set[int]:
    """Return the ids of every account (to tell an unknown account from a forbidden one)."""
    return set(session.scalars(select(Account.id)))


def get_entry(session: Session, user, entry_id: int) -> ModerationEntry:
    """Return an entry the user may read.

    :raise NotFound: no such entry
    :raise NotPermitted: the user may not moderate the entry's account
    """
    entry = session.get(ModerationEntry, entry_id)
    if entry is None:
        raise NotFound("Posten finns inte i registret.")
    require(can_moderate(user, entry.account), "Du har inte behörighet till det här kontots modereringsregister.")
    return entry


def record_removal(session: Session, actor, *, account: Account, removed_at: datetime,
                   removed_text: str, reason: RemovalReason, reason_explanation: str = "",
                   published_at: datetime | None = None, author_handle: str = "",
                   led_to_action: bool = False, screenshot: bytes | None = None,
                   screenshot_max_bytes: int, now: datetime) -> ModerationEntry:
    """Record a removed post or comment; the actor is the one who removed it.

    :raise NotPermitted: the actor may not moderate the account
    :raise ValidationFailed: missing text, "annat" without explanation, impossible times, bad image
    """
    require(can_moderate(actor, account), "Du har inte behörighet till det här kontots modereringsregister.")
    removed_text = (removed_text or "").strip()
    reason_explanation = (reason_explanation or "").strip()
    author_handle = (author_handle or "").strip()
    if not removed_text:
        raise ValidationFailed("Skriv av den borttagna texten.")
    if len(removed_text) > MAX_TEXT:
        raise ValidationFailed(f"Texten får vara högst {MAX_TEXT} tecken.")
    if len(author_handle) > MAX_HANDLE:
        raise ValidationFailed(f"Namnet får vara högst {MAX_HANDLE} tecken.")
    if reason is RemovalReason.OTHER and not reason_explanation:
        raise ValidationFailed("Förklara skälet när du väljer ”Annat”.")
    if removed_at > now + timedelta(minutes=5):
        raise ValidationFailed("Tidpunkten för borttagningen kan inte ligga i framtiden.")
    if published_at is not None and published_at > removed_at:
        raise ValidationFailed("Innehållet kan inte ha publicerats efter att det togs bort.")
    image = clean_screenshot(screenshot, screenshot_max_bytes) if screenshot else None
    entry = ModerationEntry(
        account=account, published_at=published_at, removed_at=removed_at, removed_text=removed_text,
        author_handle=author_handle, reason=reason.value, reason_explanation=reason_explanation,
        removed_by=actor, led_to_action=led_to_action, created_at=now,
    )
    if image is not None:
        entry.screenshot = Screenshot(mime_type=image.mime_type, width=image.width,
                                      height=image.height, data=image.data)
    session.add(entry)
    session.flush()
    # The log names what happened, never the removed content (it may be culled later).
    audit.record(session, actor, "moderation.record", entry, {
        "account_id": account.id, "reason": reason.value, "led_to_action": led_to_action,
        "screenshot": image is not None,
    })
    return entry


def register_entry(session: Session, actor, entry: ModerationEntry, diarienummer: str,
                   now: datetime) -> ModerationEntry:
    """Mark an entry as registered in the case management system under a diarienummer.

    A wrong number can be corrected; the log keeps the earlier one.

    :raise NotPermitted: the actor may not moderate the account
    :raise ValidationFailed: empty or over-long diarienummer
    """
    require(can_moderate(actor, entry.account), "Du har inte behörighet till det här kontots modereringsregister.")
    diarienummer = (diarienummer or "").strip()
    if not diarienummer:
        raise ValidationFailed("Ange diarienumret.")
    if len(diarienummer) > MAX_DIARIENUMMER:
        raise ValidationFailed(f"Diarienumret får vara högst {MAX_DIARIENUMMER} tecken.")
    previous = entry.diarienummer
    entry.diarienummer = diarienummer
    if entry.registered_at is None:
        entry.registered_at = now
    session.flush()
    details = {"diarienummer": diarienummer}
    if previous and previous != diarienummer:
        details["previous"] = previous
    audit.record(session, actor, "moderation.register", entry, details)
    return entry


def mark_led_to_action(session: Session, actor, entry: ModerationEntry) -> ModerationEntry:
    """Record that the content led to an action; one way only, so it can never become cullable again.

    :raise NotPermitted: the actor may not moderate the account
    """
    require(can_moderate(actor, entry.account), "Du har inte behörighet till det här kontots modereringsregister.")
    if not entry.led_to_action:
        entry.led_to_action = True
        session.flush()
        audit.record(session, actor, "moderation.led_to_action", entry)
    return entry


# Suggesting a reason from the checker's findings.

#: Analyzer categories that mean personal data (GDPR art. 9/10 data included).
PERSONAL_DATA_CATEGORIES = frozenset({
    "personnummer", "coordination_number", "phone", "email", "person_name", "address",
    "postal_code", "vehicle_reg", "bank_account", "sensitive_data",
})
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


@dataclass(frozen=True)
class Suggestion:
    """A reason the checker suggests, why, and the findings behind it."""

    reason: RemovalReason | None
    explanation: str
    categories: tuple[str, ...] = ()


def suggest_reason_from(categories, text: str = "") -> Suggestion:
    """Suggest a removal reason from finding categories (strings) and the text itself."""
    found = tuple(sorted(set(categories)))
    if "confidential" in found:
        return Suggestion(RemovalReason.CONFIDENTIAL,
                          "Texten kan innehålla uppgifter som omfattas av sekretess.", found)
    personal = sorted(PERSONAL_DATA_CATEGORIES.intersection(found))
    if personal:
        from aledraft.stats.services import CATEGORY_LABELS  # one list of Swedish category names

        names = ", ".join(CATEGORY_LABELS.get(c, c).lower() for c in personal)
        return Suggestion(RemovalReason.PERSONAL_DATA, f"Texten innehåller personuppgifter ({names}).", found)
    if len(_URL.findall(text)) >= 2:
        return Suggestion(RemovalReason.SPAM, "Texten innehåller flera länkar, vilket är vanligt i skräppost.", found)
    return Suggestion(None, "Kontrollen hittade inget som pekar ut ett skäl. Välj skäl själv.", found)


def suggest_reason(text: str) -> Suggestion:
    """Run the checker on removed text and suggest a reason (a suggestion only; the user decides)."""
    try:
        from aledraft.analysis import analyze
    except ImportError:  # the register works without the checker; say so rather than guess
        fallback = suggest_reason_from((), text)
        if fallback.reason is None:
            return Suggestion(None, "Textkontrollen är inte tillgänglig just nu. Välj skäl själv.")
        return fallback
    report = analyze(text)
    return suggest_reason_from((f.category.value if hasattr(f.category, "value") else str(f.category)
                                for f in report.findings), text)


# Listing, filtering and exporting.


@dataclass(frozen=True)
class Filters:
    """A period (local dates, both days included) and an optional account."""

    date_from: date | None = None
    date_to: date | None = None
    account_id: int | None = None

    def as_query(self) -> dict:
        """Return the filters as query parameters (for links to the exports)."""
        query = {}
        if self.date_from:
            query["from"] = self.date_from.isoformat()
        if self.date_to:
            query["to"] = self.date_to.isoformat()
        if self.account_id:
            query["account"] = str(self.account_id)
        return query


def parse_local_date(value: str, label: str) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        if len(value) != 10:  # fromisoformat would also take 20261124
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationFailed(
            f"{label} måste vara ett datum i formen ÅÅÅÅ-MM-DD, till exempel 2026-11-24.") from None


def parse_filters(args, accounts: list[Account], known_account_ids=None) -> Filters:
    """Parse `from`, `to` and `account` query parameters against the accounts the user may see.

    :raise ValidationFailed: a malformed date, from after to, or an account that is not a number
        or does not exist (when known_account_ids is given)
    :raise NotPermitted: an existing account the user may not see
    """
    date_from = parse_local_date(args.get("from", ""), "Från-datumet")
    date_to = parse_local_date(args.get("to", ""), "Till-datumet")
    if date_from and date_to and date_from > date_to:
        raise ValidationFailed("Från-datumet måste vara samma dag som eller före till-datumet.")
    raw_account = (args.get("account") or "").strip()
    account_id = None
    if raw_account:
        if not raw_account.isdigit():
            raise ValidationFailed("Kontot måste anges med sitt nummer.")
        account_id = int(raw_account)
        if known_account_ids is not None and account_id not in known_account_ids:
            raise ValidationFailed(f"Det finns inget konto med nummer {account_id}.")
        if account_id not in {a.id for a in accounts}:
            raise NotPermitted("Kontot finns inte eller så har du inte behörighet till dess modereringsregister.")
    return Filters(date_from, date_to, account_id)


def local_day_start(day: date) -> datetime:
    """Return midnight of a local (Europe/Stockholm) day as an aware datetime."""
    return datetime.combine(day, time.min, tzinfo=LOCAL_TZ)


def list_entries(session: Session, user, filters: Filters) -> list[ModerationEntry]:
    """Return the entries the user may read, newest removal first, within the filters."""
    ids = [a.id for a in moderated_accounts(session, user)]
    if filters.account_id is not None:
        ids = [i for i in ids if i == filters.account_id]
    query = (select(ModerationEntry)
             .where(ModerationEntry.account_id.in_(ids))
             .options(selectinload(ModerationEntry.account), selectinload(ModerationEntry.removed_by),
                      selectinload(ModerationEntry.screenshot).load_only(Screenshot.id, Screenshot.mime_type))
             .order_by(ModerationEntry.removed_at.desc(), ModerationEntry.id.desc()))
    if filters.date_from:
        query = query.where(ModerationEntry.removed_at >= local_day_start(filters.date_from))
    if filters.date_to:
        query = query.where(ModerationEntry.removed_at < local_day_start(filters.date_to + timedelta(days=1)))
    return list(session.scalars(query))


#: Export columns: (heading, width in characters for the spreadsheet).
EXPORT_COLUMNS = [
    ("Nummer", 9), ("Konto", 28), ("Plattform", 12), ("Publicerad", 17), ("Borttagen", 17),
    ("Avsändare (offentligt namn)", 26), ("Skäl", 20), ("Förklaring", 30), ("Borttagen av", 22),
    ("Ledde till åtgärd", 10), ("Diarienummer", 18), ("Registrerad", 17), ("Skärmbild", 10),
    ("Borttagen text", 80),
]
#: Columns holding date-times (0-based), written as real date cells in the spreadsheet.
EXPORT_DATETIME_COLUMNS = (3, 4, 11)


def export_rows(entries: list[ModerationEntry]) -> list[list]:
    """Return one row per entry for the exports; times are naive local (Europe/Stockholm) datetimes."""
    from aledraft.models import Platform

    def local(value):
        return value.astimezone(LOCAL_TZ).replace(tzinfo=None) if value else None

    rows = []
    for e in entries:
        rows.append([
            e.id, e.account.name, Platform(e.account.platform).label, local(e.published_at), local(e.removed_at),
            e.author_handle, RemovalReason(e.reason).label, e.reason_explanation, e.removed_by.name,
            "Ja" if e.led_to_action else "Nej", e.diarienummer, local(e.registered_at),
            "Ja" if e.screenshot is not None else "Nej", e.removed_text,
        ])
    return rows


#: A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    text = str(value)
    # Removed comments come from the public: never let one run as a formula when opened.
    return "'" + text if text.startswith(_FORMULA_START) else text


def export_csv(rows: list[list]) -> str:
    """Return the register as CSV text for Swedish Excel: BOM, semicolons, CRLF."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([heading for heading, _ in EXPORT_COLUMNS])
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return "\ufeff" + buffer.getvalue()


def export_about(filters: Filters, accounts: list[Account], actor, now: datetime) -> list[tuple[str, str]]:
    """Describe an export (who, when, which selection) for the workbook's second sheet."""
    names = {a.id: f"{a.name} ({a.platform_enum.label})" for a in accounts}
    return [
        ("Register", "Borttaget innehåll i Ale kommuns sociala medier"),
        ("Exporterad", now.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")),
        ("Exporterad av", actor.name),
        ("Från och med", filters.date_from.isoformat() if filters.date_from else "Från början"),
        ("Till och med", filters.date_to.isoformat() if filters.date_to else "Till i dag"),
        ("Konto", names.get(filters.account_id, "") if filters.account_id else "Alla konton du har behörighet till"),
        ("Tider", "Svensk tid (Europe/Stockholm)"),
    ]


def export_xlsx(rows: list[list], about: list[tuple[str, str]] = (), title: str = "Borttaget innehåll") -> bytes:
    """Return the register as an XLSX workbook: bold frozen header, date cells, column widths,
    and a second sheet describing the selection."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append([heading for heading, _ in EXPORT_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row_number, row in enumerate(rows, start=2):
        for col, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=col)
            if isinstance(value, str):
                cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell.data_type = "s"  # text stays text, even when it starts with "="
            else:
                cell.value = value
            if col - 1 in EXPORT_DATETIME_COLUMNS:
                cell.number_format = "yyyy-mm-dd hh:mm"
            if col == len(EXPORT_COLUMNS):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for col, (_, width) in enumerate(EXPORT_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    if about:
        info = workbook.create_sheet("Om exporten")
        for key, value in about:
            info.append([key, ILLEGAL_CHARACTERS_RE.sub("", value)])
            info.cell(row=info.max_row, column=1).font = Font(bold=True)
            info.cell(row=info.max_row, column=2).data_type = "s"
        info.column_dimensions["A"].width = 16
        info.column_dimensions["B"].width = 60
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# Culling (gallring).


def _cullable_query(now: datetime, days: int):
    cutoff = now - timedelta(days=days)
    return (select(ModerationEntry)
            .where(ModerationEntry.reason == RemovalReason.SPAM.value,
                   ModerationEntry.led_to_action.is_(False),
                   ModerationEntry.diarienummer == "",
                   ModerationEntry.registered_at.is_(None),
                   ModerationEntry.removed_at < cutoff)
            .order_by(ModerationEntry.removed_at, ModerationEntry.id))


def cullable(session: Session, now: datetime, days: int) -> list[ModerationEntry]:
    """Return the entries the culling decision allows to be deleted at `now` (see module docstring)."""
    if days < 1:
        raise ValidationFailed("Antalet dagar måste vara minst 1.")
    return list(session.scalars(_cullable_query(now, days)))


@dataclass(frozen=True)
class CullItem:
    """One culled entry as a dry run lists it: no content, only where and when."""

    id: int
    removed_at: datetime
    account_name: str


@dataclass(frozen=True)
class CullResult:
    """What a culling run removed (or would remove): how many, and which removal dates."""

    count: int
    cutoff: datetime
    days: int
    removed_from: datetime | None
    removed_to: datetime | None
    items: tuple[CullItem, ...]
    dry_run: bool


def cull(session: Session, now: datetime, days: int, dry_run: bool = False) -> CullResult:
    """Delete the cullable entries (and their screenshots) and write one audit entry.

    The audit entry carries the count and the period, never content. A dry run deletes and
    logs nothing. A run that finds nothing writes no audit entry (nothing changed).
    """
    entries = cullable(session, now, days)
    result = CullResult(
        count=len(entries), cutoff=now - timedelta(days=days), days=days,
        removed_from=entries[0].removed_at if entries else None,
        removed_to=entries[-1].removed_at if entries else None,
        items=tuple(CullItem(e.id, e.removed_at, e.account.name) for e in entries), dry_run=dry_run,
    )
    if dry_run or not entries:
        return result
    ids = [item.id for item in result.items]
    session.flush()
    # ORM-enabled deletes also drop the deleted rows from the session ("auto" synchronisation).
    session.execute(delete(Screenshot).where(Screenshot.entry_id.in_(ids)))
    session.execute(delete(ModerationEntry).where(ModerationEntry.id.in_(ids)))
    audit.record(session, None, "moderation.cull", None, {
        "count": result.count,
        "days": days,
        "cutoff": result.cutoff.isoformat(),
        "removed_from": result.removed_from.isoformat(),
        "removed_to": result.removed_to.isoformat(),
    }, object_type="moderation_register", object_id="")
    return result

