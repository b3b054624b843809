"""E-mail notifications go out after the commit: reviewers on submit, the author on approve/send back."""
import socket

import pytest

from aledraft import create_app
from aledraft.access import Role
from aledraft.models import DraftState
from tests.helpers import CsrfClient, login_as

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        # Called before the server answers 250, so smtplib has returned only once this ran.
        self.messages.append((sorted(envelope.rcpt_tos), envelope.content.decode("utf-8", "replace")))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = aiosmtpd_controller.Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


@pytest.fixture
def mail_app(app, smtp):
    controller, _ = smtp
    mailing = create_app({**app.config, "MAIL_ENABLED": True, "MAIL_SERVER": "127.0.0.1",
                          "MAIL_PORT": controller.port, "MAIL_USE_TLS": False})
    mailing.test_client_class = CsrfClient
    yield mailing
    mailing.extensions["aledraft.engine"].dispose()


def test_reviewers_are_told_on_submit_and_the_author_on_approve_and_send_back(
        mail_app, smtp, make_user, make_account, make_draft):
    _, inbox = smtp
    author = make_user(roles=[Role.AUTHOR], email="sara@ale.se")
    reviewer = make_user(roles=[Role.REVIEWER], email="gustav@ale.se")
    admin = make_user(roles=[Role.ACCOUNT_ADMIN], email="karin@ale.se")
    make_user(roles=[Role.ACCOUNT_ADMIN], email="other-admin@ale.se")
    account = make_account(admins=[admin])
    first = make_draft(author, account, "Första.")
    second = make_draft(author, account, "Andra.")
    client = mail_app.test_client()
    login_as(client, author)
    assert client.post(f"/utkast/{first.id}/skicka").status_code == 302
    assert inbox.messages[0][0] == ["gustav@ale.se", "karin@ale.se"]
    assert "Att granska" in inbox.messages[0][1]
    client.post(f"/utkast/{second.id}/skicka")
    client.post("/logout")
    login_as(client, reviewer)
    client.post(f"/utkast/{first.id}/godkann", data={"version": "1"})
    client.post(f"/utkast/{second.id}/skicka-tillbaka", data={"sendback-body": "Kortare, tack."})
    to_author = [body for to, body in inbox.messages if to == ["sara@ale.se"]]
    assert len(to_author) == 2
    assert "Godk=C3=A4nt" in to_author[0] or "Godkänt" in to_author[0]
    assert any("Kortare, tack." in body or "Kortare" in body for body in to_author)
