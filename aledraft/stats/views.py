"""Statistics for the communications unit: SVG charts drawn from the same figures as their tables."""
from flask import Blueprint, current_app, render_template, request

from aledraft.access import COMMS_UNIT, allow
from aledraft.db import get_session, utcnow
from aledraft.stats import services
from aledraft.stats.svg import Bar, bar_chart, format_number, histogram
from aledraft.web import LOCAL_TZ

bp = Blueprint("stats", __name__)


def build_charts(weekly, approvals, categories, lix, replies) -> dict:
    """Draw every chart from the computed figures (the tables print the same figures)."""
    charts = {
        "weekly_total": bar_chart(
            [Bar(w, weekly.week_total(w), str(weekly.week_total(w))) for w in weekly.weeks],
            chart_id="chart-weekly-total", title="Utkast per vecka, alla konton",
            desc=f"Stapeldiagram: antal nya utkast per vecka, totalt {weekly.total}. Siffrorna finns i tabellen nedanför."),
        "weekly_accounts": [
            (label, bar_chart(
                [Bar(w, weekly.count(w, account_id), str(weekly.count(w, account_id))) for w in weekly.weeks],
                chart_id=f"chart-weekly-{account_id}", title=f"Utkast per vecka: {label}",
                desc="Stapeldiagram: antal nya utkast per vecka för kontot. Siffrorna finns i tabellen."))
            for account_id, label in weekly.accounts
        ],
        "approval": histogram(
            [Bar(label, n, str(n)) for label, n in approvals.bins],
            chart_id="chart-approval", title="Tid från inskickat till godkänt",
            desc=(f"Histogram över {approvals.count} godkännanden. Median "
                  f"{format_number(approvals.median) if approvals.median is not None else '–'} timmar, "
                  f"90:e percentilen {format_number(approvals.p90) if approvals.p90 is not None else '–'} timmar.")),
        "categories": bar_chart(
            [Bar(c.label, c.drafts, str(c.drafts)) for c in categories], horizontal=True,
            chart_id="chart-categories", title="Vanligaste fynden",
            desc="Liggande stapeldiagram: i hur många utkast varje slags fynd förekommer (senaste versionen)."),
        "lix": [
            (a.label, histogram(
                [Bar(label, n, str(n)) for label, n in a.bins],
                chart_id=f"chart-lix-{a.account_id}", title=f"LIX-fördelning: {a.label}",
                desc=f"Histogram över läsbarhet (LIX) för {len(a.values)} utkast, median {format_number(a.median)}."))
            for a in lix
        ],
        "late": bar_chart(
            [Bar(a.label, a.late, str(a.late)) for a in replies.accounts], horizontal=True,
            chart_id="chart-late", title="Sena svar per konto",
            desc=(f"Liggande stapeldiagram: svar publicerade mer än {format_number(replies.overdue_hours)} timmar "
                  "efter att frågan kom in, per konto.")),
    }
    return charts


@bp.route("/statistik")
@allow(*COMMS_UNIT)
def index():
    today = utcnow().astimezone(LOCAL_TZ).date()
    period = services.parse_period(request.args, today)
    rows = services.load_rows(get_session(), period)
    overdue = current_app.config["REPLY_OVERDUE_HOURS"]
    weekly = services.drafts_per_week(rows, period)
    approvals = services.approval_times(rows, period)
    categories = services.finding_categories(rows, period)
    lix = services.lix_by_account(rows, period)
    replies = services.late_replies(rows, period, overdue)
    return render_template(
        "stats/index.html", period=period, weekly=weekly, approvals=approvals, categories=categories,
        lix=lix, lix_bins=[label for _, _, label in services.LIX_BINS], replies=replies,
        charts=build_charts(weekly, approvals, categories, lix, replies), num=format_number)
