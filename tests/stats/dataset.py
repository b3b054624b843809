"""A known data set for the statistics: drafts, versions and approvals with fixed times.

Period 2026-11-02 – 2026-11-22 (ISO weeks 45–47). Expected figures are worked out by hand
in tests/stats/test_services.py.
"""
import hashlib
import json
from datetime import datetime, timezone

from aledraft.access import Role
from aledraft.models import Approval, Draft, DraftVersion, Platform
from tests import factories


def t(month, day, hour, minute=0):
    return datetime(2026, month, day, hour, minute, tzinfo=timezone.utc)


def report(categories=(), lix=None):
    findings = [{"rule": f"x.{c}", "category": c, "severity": "warn", "start": 0, "end": 1, "text": "x",
                 "message": "", "suggestion": None} for c in categories]
    body = {"findings": findings, "doc_flags": []}
    if lix is not None:
        body["readability"] = {"lix": lix, "level": "medel", "words": 10, "sentences": 1, "long_words": 2}
    return json.dumps(body)


def build(session):
    """Create the data set; return the two accounts and the users."""
    author = factories.make_user(session, roles=[Role.AUTHOR], name="Sara Skribent")
    approver = factories.make_user(session, roles=[Role.REVIEWER], name="Greta Granskare")
    kommun = factories.make_account(session, name="Ale kommun", platform=Platform.FACEBOOK)
    bibliotek = factories.make_account(session, name="Ale bibliotek", platform=Platform.INSTAGRAM)

    def draft(account, created, *, versions, submitted=None, approvals=(), question=None, published=None):
        d = Draft(account=account, author=author, created_at=created, updated_at=created, submitted_at=submitted,
                  question_received_at=question, published_at=published, version=len(versions))
        session.add(d)
        session.flush()
        made = []
        for number, (saved, body) in enumerate(versions, start=1):
            text = f"Utkast {d.id} version {number}"
            v = DraftVersion(draft_id=d.id, number=number, text=text, author_id=author.id, created_at=saved,
                             content_hash=hashlib.sha256(text.encode()).hexdigest(), report_json=body)
            session.add(v)
            session.flush()
            made.append(v)
        for approved in approvals:
            session.add(Approval(draft_id=d.id, version_id=made[-1].id, content_hash=made[-1].content_hash,
                                 approver_id=approver.id, approved_at=approved))
        session.flush()
        return d

    # 1: week 45, 2 h to approval; personnummer + two plain-language findings; LIX 35.
    draft(kommun, t(11, 3, 9), versions=[(t(11, 3, 9), report(["personnummer", "plain_language", "plain_language"], 35.0))],
          submitted=t(11, 3, 10), approvals=[t(11, 3, 12)])
    # 2: week 45; an approval BEFORE the latest submission does not count; 10 h. Only the latest
    #    version's report counts (the first version's "confidential" does not).
    draft(kommun, t(11, 4, 6), versions=[(t(11, 4, 6), report(["confidential"], 60.0)),
                                         (t(11, 4, 7, 30), report(["plain_language"], 42.0))],
          submitted=t(11, 4, 8), approvals=[t(11, 4, 7), t(11, 4, 18)])
    # 3: week 46, 48 h; person name + personnummer; LIX 55.5.
    draft(bibliotek, t(11, 10, 9), versions=[(t(11, 10, 9), report(["person_name", "personnummer"], 55.5))],
          submitted=t(11, 10, 9), approvals=[t(11, 12, 9)])
    # 4: week 47, submitted, not approved, no readability; an unanswered question.
    draft(bibliotek, t(11, 17, 9), versions=[(t(11, 17, 9), report())], submitted=t(11, 17, 10),
          question=t(11, 17, 8))
    # 5: week 47, a reply published 26 h after the question (late); 1 h to approval; LIX 18.
    draft(kommun, t(11, 18, 8), versions=[(t(11, 18, 8), report([], 18.0))], submitted=t(11, 18, 9),
          approvals=[t(11, 18, 10)], question=t(11, 18, 8), published=t(11, 19, 10))
    # 6: week 47, a reply published 12 h after the question; 4 h to approval; LIX exactly 30.
    draft(kommun, t(11, 20, 8), versions=[(t(11, 20, 8), report([], 30.0))], submitted=t(11, 20, 9),
          approvals=[t(11, 20, 13)], question=t(11, 20, 8), published=t(11, 20, 20))
    # 7: before the period: counts nowhere.
    draft(kommun, t(10, 20, 9), versions=[(t(10, 20, 9), report(["tone"], 70.0))], submitted=t(10, 20, 10),
          approvals=[t(10, 21, 10)])
    # 8: 23:30 UTC on 22 Nov is 00:30 on 23 Nov in Stockholm: after the period.
    draft(bibliotek, t(11, 22, 23, 30), versions=[(t(11, 22, 23, 30), report(["tone"], 70.0))],
          submitted=t(11, 22, 23, 40), approvals=[t(11, 22, 23, 50)], question=t(11, 21, 8),
          published=t(11, 22, 23, 55))
    session.commit()
    return {"kommun": kommun, "bibliotek": bibliotek, "author": author, "approver": approver}
