"""The communications unit's figures, computed by pure functions over plain rows.

`load_rows()` is the only function that reads the database; everything else takes the rows
and a period, so tests can feed known data and the charts and tables share one source.

Decisions:
- Drafts per week count drafts by when they were created (local ISO weeks).
- Time to approval runs from the latest submission (Draft.submitted_at) to the first approval
  at or after it, and counts approvals given within the period. Median and 90th percentile
  use the nearest-rank method (the value at rank ceil(p·n) in sorted order).
- Finding categories and LIX come from the analyzer report of each draft's LATEST version,
  counted when that version was saved within the period: earlier versions are work in
  progress, and counting every version would weigh drafts by how often they were saved.
  A category counts once per draft (how many drafts it appears in); the number of findings
  is shown beside it.
- A reply is late when more than REPLY_OVERDUE_HOURS passed between the question coming in
  and the reply being published; replies count by publication within the period.
"""
import json
import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from aledraft.errors import ValidationFailed
from aledraft.models import Account, Approval, Draft, DraftVersion, Platform
from aledraft.moderation.services import local_day_start, parse_local_date
from aledraft.web import LOCAL_TZ

DEFAULT_WEEKS = 12

#: Swedish names of the analyzer's finding categories.
CATEGORY_LABELS = {
    "personnummer": "Personnummer",
    "coordination_number": "Samordningsnummer",
    "phone": "Telefonnummer",
    "email": "E-postadress",
    "person_name": "Personnamn",
    "address": "Adress",
    "postal_code": "Postnummer",
    "vehicle_reg": "Registreringsnummer",
    "bank_account": "Bankkonto",
    "sensitive_data": "Känsliga personuppgifter",
    "confidential": "Sekretess",
    "case_handling": "Ärendehandläggning",
    "plain_language": "Klarspråk",
    "long_sentence": "Långa meningar",
    "spelling": "Stavning",
    "tone": "Tonläge",
    "platform": "Plattform",
    "accessibility": "Tillgänglighet",
}

#: Approval-time histogram bins in hours: (lower bound, upper bound or None, label).
APPROVAL_BINS = [
    (0, 1, "under 1 h"), (1, 4, "1–4 h"), (4, 8, "4–8 h"), (8, 24, "8–24 h"),
    (24, 48, "1–2 dygn"), (48, 72, "2–3 dygn"), (72, None, "över 3 dygn"),
]
#: LIX histogram bins: each bin includes its lower bound.
LIX_BINS = [
    (0, 20, "under 20"), (20, 30, "20–30"), (30, 40, "30–40"), (40, 50, "40–50"),
    (50, 60, "50–60"), (60, None, "60 och över"),
]


@dataclass(frozen=True)
class Period:
    """A period of whole local days, both ends included."""

    first_day: date
    last_day: date

    @property
    def start(self) -> datetime:
        return local_day_start(self.first_day)

    @property
    def end(self) -> datetime:
        """The first moment after the period (exclusive)."""
        return local_day_start(self.last_day + timedelta(days=1))

    def contains(self, moment: datetime | None) -> bool:
        return moment is not None and self.start <= moment < self.end


def default_period(today: date) -> Period:
    """Return the last 12 ISO weeks, this week included."""
    monday = today - timedelta(days=today.weekday())
    return Period(monday - timedelta(weeks=DEFAULT_WEEKS - 1), today)


def parse_period(args, today: date) -> Period:
    """Parse `from` and `to` (YYYY-MM-DD); a missing end defaults to today, a missing start to 12 weeks.

    :raise ValidationFailed: a malformed date, or from after to
    """
    first = parse_local_date(args.get("from", ""), "Från-datumet")
    last = parse_local_date(args.get("to", ""), "Till-datumet") or today
    if first is None:
        monday = last - timedelta(days=last.weekday())
        first = monday - timedelta(weeks=DEFAULT_WEEKS - 1)
    if first > last:
        raise ValidationFailed("Från-datumet måste vara samma dag som eller före till-datumet.")
    if (last - first).days > 3 * 366:
        raise ValidationFailed("Välj en period på högst tre år.")
    return Period(first, last)


@dataclass(frozen=True)
class DraftRow:
    """What the figures need to know about one draft."""

    id: int
    account_id: int
    account_name: str
    created_at: datetime
    submitted_at: datetime | None = None
    #: First approval at or after the latest submission.
    approved_at: datetime | None = None
    question_received_at: datetime | None = None
    published_at: datetime | None = None
    #: When the latest version was saved, and its analyzer report.
    latest_version_at: datetime | None = None
    report: dict = field(default_factory=dict)


def account_label(account: Account) -> str:
    """Return "name (platform)": two accounts may share a name on different platforms."""
    return f"{account.name} ({Platform(account.platform).label})"


def load_rows(session: Session, period: Period) -> list[DraftRow]:
    """Read every draft created before the period's end, with its approvals and latest version."""
    drafts = session.scalars(select(Draft).where(Draft.created_at < period.end).order_by(Draft.id)).all()
    if not drafts:
        return []
    ids = [d.id for d in drafts]
    accounts = {a.id: account_label(a) for a in session.scalars(select(Account))}
    approvals = defaultdict(list)
    for draft_id, approved_at in session.execute(
            select(Approval.draft_id, Approval.approved_at).where(Approval.draft_id.in_(ids))):
        approvals[draft_id].append(approved_at)
    latest = (select(DraftVersion.draft_id, func.max(DraftVersion.number).label("number"))
              .where(DraftVersion.draft_id.in_(ids)).group_by(DraftVersion.draft_id).subquery())
    versions = {
        draft_id: (created_at, report_json)
        for draft_id, created_at, report_json in session.execute(
            select(DraftVersion.draft_id, DraftVersion.created_at, DraftVersion.report_json)
            .join(latest, (DraftVersion.draft_id == latest.c.draft_id) & (DraftVersion.number == latest.c.number)))
    }
    rows = []
    for d in drafts:
        version_at, report_json = versions.get(d.id, (None, "{}"))
        rows.append(DraftRow(
            id=d.id, account_id=d.account_id, account_name=accounts.get(d.account_id, str(d.account_id)),
            created_at=d.created_at, submitted_at=d.submitted_at,
            approved_at=first_approval_after(d.submitted_at, approvals.get(d.id, [])),
            question_received_at=d.question_received_at, published_at=d.published_at,
            latest_version_at=version_at, report=_report(report_json)))
    return rows


def first_approval_after(submitted_at: datetime | None, approvals: list[datetime]) -> datetime | None:
    """Return the first approval time at or after the submission, or None."""
    if submitted_at is None:
        return None
    after = sorted(a for a in approvals if a >= submitted_at)
    return after[0] if after else None


def _report(report_json: str) -> dict:
    try:
        report = json.loads(report_json or "{}")
    except ValueError:
        return {}
    return report if isinstance(report, dict) else {}


# The figures.


def week_label(moment: datetime) -> str:
    """Return the local ISO week of a moment, e.g. 2026-v48."""
    year, week, _ = moment.astimezone(LOCAL_TZ).isocalendar()
    return f"{year}-v{week:02d}"


def period_weeks(period: Period) -> list[str]:
    """Return every ISO week the period touches, in order."""
    weeks, day = [], period.first_day
    while day <= period.last_day:
        year, week, _ = day.isocalendar()
        label = f"{year}-v{week:02d}"
        if not weeks or weeks[-1] != label:
            weeks.append(label)
        day += timedelta(days=1)
    return weeks


@dataclass(frozen=True)
class WeeklyDrafts:
    weeks: list[str]
    #: (account id, label) of accounts with drafts in the period, by label.
    accounts: list[tuple[int, str]]
    #: counts[(week, account id)]
    counts: dict[tuple[str, int], int]

    def count(self, week: str, account_id: int) -> int:
        return self.counts.get((week, account_id), 0)

    def week_total(self, week: str) -> int:
        return sum(self.count(week, a) for a, _ in self.accounts)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def drafts_per_week(rows: list[DraftRow], period: Period) -> WeeklyDrafts:
    """Count drafts created in the period per local ISO week and account."""
    counts: Counter = Counter()
    names = {}
    for row in rows:
        if period.contains(row.created_at):
            counts[(week_label(row.created_at), row.account_id)] += 1
            names[row.account_id] = row.account_name
    accounts = sorted(names.items(), key=lambda item: (item[1], item[0]))
    return WeeklyDrafts(period_weeks(period), accounts, dict(counts))


def percentile(values: list[float], p: float) -> float | None:
    """Return the p-th percentile (0 < p ≤ 100) by the nearest-rank method, or None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(math.ceil(p / 100 * len(ordered)), 1) - 1]


def _bin_counts(values: list[float], bins) -> list[tuple[str, int]]:
    return [(label, sum(1 for v in values if v >= low and (high is None or v < high)))
            for low, high, label in bins]


@dataclass(frozen=True)
class ApprovalTimes:
    hours: list[float]
    median: float | None
    p90: float | None
    bins: list[tuple[str, int]]

    @property
    def count(self) -> int:
        return len(self.hours)


def approval_times(rows: list[DraftRow], period: Period) -> ApprovalTimes:
    """Hours from the latest submission to approval, for approvals given within the period."""
    hours = sorted((row.approved_at - row.submitted_at).total_seconds() / 3600
                   for row in rows if row.submitted_at and period.contains(row.approved_at))
    return ApprovalTimes(hours, statistics.median(hours) if hours else None, percentile(hours, 90),
                         _bin_counts(hours, APPROVAL_BINS))


@dataclass(frozen=True)
class CategoryCount:
    category: str
    label: str
    drafts: int
    findings: int


def finding_categories(rows: list[DraftRow], period: Period, limit: int = 10) -> list[CategoryCount]:
    """The most frequent finding categories in the latest versions saved within the period."""
    drafts: Counter = Counter()
    findings: Counter = Counter()
    for row in rows:
        if not period.contains(row.latest_version_at):
            continue
        categories = [f.get("category") for f in row.report.get("findings", []) if isinstance(f, dict)]
        categories = [c for c in categories if isinstance(c, str) and c]
        findings.update(categories)
        drafts.update(set(categories))
    ranked = sorted(drafts, key=lambda c: (-drafts[c], -findings[c], CATEGORY_LABELS.get(c, c)))
    return [CategoryCount(c, CATEGORY_LABELS.get(c, c), drafts[c], findings[c]) for c in ranked[:limit]]


@dataclass(frozen=True)
class AccountLix:
    account_id: int
    label: str
    values: list[float]
    median: float | None
    bins: list[tuple[str, int]]


def lix_by_account(rows: list[DraftRow], period: Period) -> list[AccountLix]:
    """LIX of each draft's latest version saved within the period, per account."""
    values = defaultdict(list)
    names = {}
    for row in rows:
        if not period.contains(row.latest_version_at):
            continue
        lix = (row.report.get("readability") or {}).get("lix")
        if isinstance(lix, (int, float)) and not isinstance(lix, bool):
            values[row.account_id].append(float(lix))
            names[row.account_id] = row.account_name
    result = []
    for account_id, label in sorted(names.items(), key=lambda item: (item[1], item[0])):
        vals = sorted(values[account_id])
        result.append(AccountLix(account_id, label, vals, statistics.median(vals), _bin_counts(vals, LIX_BINS)))
    return result


@dataclass(frozen=True)
class LateReply:
    draft_id: int
    account_label: str
    question_received_at: datetime
    published_at: datetime
    hours: float


@dataclass(frozen=True)
class AccountReplies:
    account_id: int
    label: str
    replies: int
    late: int
    median_hours: float


@dataclass(frozen=True)
class LateReplies:
    overdue_hours: float
    accounts: list[AccountReplies]
    late: list[LateReply]

    @property
    def replies(self) -> int:
        return sum(a.replies for a in self.accounts)


def late_replies(rows: list[DraftRow], period: Period, overdue_hours: float) -> LateReplies:
    """Replies published within the period, and those published more than overdue_hours after the question."""
    hours = defaultdict(list)
    names = {}
    late = []
    for row in rows:
        if row.question_received_at is None or not period.contains(row.published_at):
            continue
        taken = (row.published_at - row.question_received_at).total_seconds() / 3600
        hours[row.account_id].append(taken)
        names[row.account_id] = row.account_name
        if taken > overdue_hours:
            late.append(LateReply(row.id, row.account_name, row.question_received_at, row.published_at, taken))
    accounts = [
        AccountReplies(a, label, len(hours[a]), sum(1 for h in hours[a] if h > overdue_hours),
                       statistics.median(hours[a]))
        for a, label in sorted(names.items(), key=lambda item: (item[1], item[0]))
    ]
    late.sort(key=lambda r: (-r.hours, r.draft_id))
    return LateReplies(overdue_hours, accounts, late)
