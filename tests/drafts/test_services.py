"""Drafts: versions are immutable and hashed, saves never overwrite silently, diffs are readable."""
import hashlib
import json
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from aledraft.access import Role
from aledraft.db import utcnow
from aledraft.drafts.services import (
    MAX_TEXT_LENGTH, content_hash, create_draft, diff_versions, draft_findings, get_draft, pending_autosave,
    save_version, store_autosave,
)
from aledraft.errors import InvalidTransition, NotFound, NotPermitted, StaleVersion, ValidationFailed
from aledraft.models import AccountStatus, AuditEntry, DraftState, DraftVersion, Spokesperson

pytestmark = pytest.mark.usefixtures("app_context")


@pytest.fixture
def author(make_user):
    return make_user(roles=[Role.AUTHOR])


@pytest.fixture
def account(make_account):
    return make_account()


def test_content_hash_is_sha256_of_utf8():
    assert content_hash("Ale älv") == hashlib.sha256("Ale älv".encode()).hexdigest()


def test_create_draft_stores_version_1_with_hash_author_and_report(session, author, account):
    when = utcnow() - timedelta(hours=2)
    draft = create_draft(session, author, account, "Hej Anna Svensson!\r\nVälkommen.", reply_to_text="Öppet?",
                         reply_to_url="https://www.facebook.com/alekommun/posts/9", question_received_at=when)
    version = draft.versions[0]
    assert (draft.version, version.number, draft.state) == (1, 1, DraftState.DRAFT.value)
    assert version.text == "Hej Anna Svensson!\nVälkommen."
    assert version.content_hash == content_hash(version.text)
    assert version.author_id == author.id
    assert json.loads(version.report_json)["findings"][0]["rule"] == "pii.person_name"
    assert draft.question_received_at == when
    assert session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()[-1] == "draft.create"


@pytest.mark.parametrize("text", ["", "   \n "])
def test_empty_text_is_refused(session, author, account, text):
    with pytest.raises(ValidationFailed):
        create_draft(session, author, account, text)


def test_text_over_the_maximum_length_is_refused(session, make_draft, author, account):
    with pytest.raises(ValidationFailed, match="för lång"):
        create_draft(session, author, account, "a" * (MAX_TEXT_LENGTH + 1))
    draft = make_draft(author, account)
    with pytest.raises(ValidationFailed, match="för lång"):
        save_version(session, draft, "a" * (MAX_TEXT_LENGTH + 1), 1, author)


def test_closed_account_is_refused(session, make_account, author):
    account = make_account()
    account.status = AccountStatus.CLOSED.value
    with pytest.raises(ValidationFailed):
        create_draft(session, author, account, "Hej")


def test_every_save_stores_an_immutable_version(session, make_draft, author, account):
    draft = make_draft(author, account, "Ett.")
    save_version(session, draft, "Två.", 1, author)
    save_version(session, draft, "Tre.", 2, author)
    texts = session.scalars(select(DraftVersion.text).where(DraftVersion.draft_id == draft.id)
                            .order_by(DraftVersion.number)).all()
    assert texts == ["Ett.", "Två.", "Tre."]
    assert draft.version == 3


def test_identical_text_makes_no_new_version_but_keeps_details(session, make_draft, author, account):
    draft = make_draft(author, account, "Samma.")
    planned = utcnow() + timedelta(days=1)
    version = save_version(session, draft, "Samma.", 1, author, planned_at=planned)
    assert version.number == 1 and draft.version == 1
    assert draft.planned_at == planned
    assert session.scalar(select(func.count(DraftVersion.id))) == 1


def test_stale_save_raises_with_the_current_text(session, make_draft, author, make_user, account):
    reviewer = make_user(roles=[Role.REVIEWER])
    draft = make_draft(author, account, "Original.")
    save_version(session, draft, "Granskarens text.", 1, reviewer)
    with pytest.raises(StaleVersion) as raised:
        save_version(session, draft, "Min text.", 1, author)
    assert raised.value.extra == {"current_version": 2, "current_text": "Granskarens text."}
    assert draft.version == 2


def test_only_editors_may_save(session, make_draft, make_user, author, account):
    draft = make_draft(author, account)
    with pytest.raises(NotPermitted):
        save_version(session, draft, "Kapat!", 1, make_user(roles=[Role.AUTHOR]))
    admin = make_user(roles=[Role.ACCOUNT_ADMIN])
    with pytest.raises(NotPermitted):
        save_version(session, draft, "Kapat!", 1, admin)


def test_get_draft_checks_who_may_see_it(session, make_draft, make_user, make_account, author):
    admin = make_user(roles=[Role.ACCOUNT_ADMIN])
    account = make_account(admins=[admin])
    draft = make_draft(author, account)
    assert get_draft(session, draft.id, admin) is draft
    assert get_draft(session, draft.id, make_user(roles=[Role.REVIEWER]), for_update=True) is draft
    with pytest.raises(NotPermitted):
        get_draft(session, draft.id, make_user(roles=[Role.AUTHOR]))
    with pytest.raises(NotFound):
        get_draft(session, 999_999, author)


def test_only_an_active_spokesperson_can_sign(session, author, account):
    ended = Spokesperson(external_name="Före Detta", valid_from=date(2020, 1, 1), valid_to=date(2021, 1, 1))
    inactive = Spokesperson(external_name="Avsatt", valid_from=date(2020, 1, 1), active=False)
    current = Spokesperson(external_name="Maja Lindqvist", valid_from=date(2020, 1, 1))
    session.add_all([ended, inactive, current])
    session.flush()
    for refused in (ended, inactive):
        with pytest.raises(ValidationFailed, match="Talespersonen"):
            create_draft(session, author, account, "Hej", spokesperson=refused)
    draft = create_draft(session, author, account, "Hej", spokesperson=current.id)
    assert draft.spokesperson_id == current.id


@pytest.mark.parametrize("url", ["javascript:alert(1)", "www.ale.se", "data:text/html,x"])
def test_reply_link_must_be_a_web_address(session, author, account, url):
    with pytest.raises(ValidationFailed):
        create_draft(session, author, account, "Hej", reply_to_url=url)


def test_question_time_cannot_be_in_the_future(session, author, account):
    with pytest.raises(ValidationFailed):
        create_draft(session, author, account, "Hej", question_received_at=utcnow() + timedelta(hours=1))


def test_draft_findings_mark_blocking_and_consent(session, make_draft, author, account):
    draft = make_draft(author, account, "Anna Svensson, vi svarar ASAP.")
    findings = draft_findings(session, draft)
    assert [(f["rule"], f["blocking"], f["covered_by_consent"]) for f in findings] == [
        ("pii.person_name", True, False), ("plain_language.english", False, False)]


@pytest.mark.parametrize("old, new, expected", [
    ("Vi öppnar nio.", "Vi öppnar tio.",
     [("equal", "Vi öppnar "), ("delete", "nio"), ("insert", "tio"), ("equal", ".")]),
    ("Rad ett\nRad två", "Rad ett\nRad två\nRad tre",
     [("equal", "Rad ett\nRad två"), ("insert", "\nRad tre")]),
    ("", "Ny", [("insert", "Ny")]),
    ("<b>x</b>", "<b>y</b>", [("equal", "<b>"), ("delete", "x"), ("insert", "y"), ("equal", "</b>")]),
])
def test_diff_marks_insertions_and_deletions(old, new, expected):
    assert [(s["op"], s["text"]) for s in diff_versions(old, new)] == expected


def test_diff_segments_rebuild_both_texts():
    old, new = "Hej på er alla!\nVälkommen.", "Hej alla!\nVälkomna hit."
    segments = diff_versions(old, new)
    assert "".join(s["text"] for s in segments if s["op"] != "insert") == old
    assert "".join(s["text"] for s in segments if s["op"] != "delete") == new


def test_autosave_overwrites_and_counts_only_when_newer(session, make_draft, author, account):
    draft = make_draft(author, account, "Sparat.")
    store_autosave(session, author, "Skrivet", 1, draft=draft)
    store_autosave(session, author, "Skrivet mer", 1, draft=draft)
    assert pending_autosave(session, author, draft=draft).text == "Skrivet mer"
    save_version(session, draft, "Skrivet mer", 1, author)
    assert pending_autosave(session, author, draft=draft) is None


def test_published_draft_cannot_be_edited(session, make_draft, make_user, author, account):
    from aledraft.review.services import approve, publish

    draft = make_draft(author, account, state=DraftState.IN_REVIEW)
    approve(session, draft, 1, make_user(roles=[Role.REVIEWER]), [])
    publish(session, draft, author, url="https://www.facebook.com/alekommun/posts/5")
    with pytest.raises(InvalidTransition):
        save_version(session, draft, "Ändrat.", 1, author)


def test_two_saves_at_once_never_overwrite_each_other(app, database_url, make_draft, make_user, author, account):
    """Two writers save on the same base version at once: one new version, the other sees both texts."""
    import threading

    from sqlalchemy.orm import sessionmaker

    from aledraft.db import make_engine
    from aledraft.models import Draft, User

    colleague = make_user(roles=[Role.REVIEWER])
    draft = make_draft(author, account, "Original.")
    engine = make_engine(database_url)
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    postgres = engine.dialect.name == "postgresql"
    barrier = threading.Barrier(2, timeout=30)
    outcomes = []

    def run(user_id, text):
        with app.app_context():
            session = factory()
            try:
                if not postgres:
                    barrier.wait()
                user = session.get(User, user_id)
                loaded = session.get(Draft, draft.id)
                if postgres:
                    barrier.wait()
                save_version(session, loaded, text, 1, user)
                session.commit()
                outcomes.append("saved")
            except StaleVersion as error:
                session.rollback()
                outcomes.append(("stale", error.extra["current_version"]))
            except Exception as error:  # pragma: no cover - reported by the assertion below
                session.rollback()
                outcomes.append(repr(error))
            finally:
                session.close()

    threads = [threading.Thread(target=run, args=(author.id, "Skribentens text.")),
               threading.Thread(target=run, args=(colleague.id, "Kollegans text."))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    with factory() as check:
        texts = check.scalars(select(DraftVersion.text).where(DraftVersion.draft_id == draft.id)
                              .order_by(DraftVersion.number)).all()
    engine.dispose()
    assert sorted(outcomes, key=str) == [("stale", 2), "saved"]
    assert len(texts) == 2 and texts[0] == "Original."
