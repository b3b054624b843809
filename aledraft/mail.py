"""E-mail notifications, queued during a request and sent only after its commit."""
import logging
import smtplib
from email.message import EmailMessage

from flask import current_app, g

log = logging.getLogger(__name__)


def queue(to: list[str], subject: str, body: str) -> None:
    """Queue a plain-text message; it goes out after the transaction commits."""
    if not to:
        return
    g.setdefault("mail_outbox", []).append((sorted(set(to)), subject, body))


def send_outbox() -> int:
    """Send and clear the queued messages (nothing when mail is off); return how many went out."""
    outbox = g.pop("mail_outbox", [])
    if not outbox or not current_app.config["MAIL_ENABLED"]:
        return 0
    config = current_app.config
    sent = 0
    try:
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
            if config["MAIL_USE_TLS"]:
                smtp.starttls()
            if config["MAIL_USERNAME"]:
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            for to, subject, body in outbox:
                message = EmailMessage()
                message["From"] = config["MAIL_SENDER"]
                message["To"] = ", ".join(to)
                message["Subject"] = subject
                message.set_content(body)
                smtp.send_message(message)
                sent += 1
    except (OSError, smtplib.SMTPException):
        # The change is committed; a mail server outage must not turn it into an error page.
        log.exception("could not send %d notification(s)", len(outbox) - sent)
    return sent
