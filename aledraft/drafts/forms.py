"""Forms of the editor and the consent record."""
from datetime import datetime
from zoneinfo import ZoneInfo

from wtforms import DateField, DateTimeLocalField, HiddenField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from aledraft.forms import SwedishForm
from aledraft.models import ConsentMethod

LOCAL_TZ = ZoneInfo("Europe/Stockholm")


def to_utc(value: datetime | None) -> datetime | None:
    """Read a naive datetime-local value as Swedish local time and return it aware in UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=LOCAL_TZ).astimezone(ZoneInfo("UTC"))


def to_local(value: datetime | None) -> datetime | None:
    """Return an aware datetime as naive Swedish local time, for a datetime-local input."""
    return value.astimezone(LOCAL_TZ).replace(tzinfo=None) if value else None


class DraftForm(SwedishForm):
    """The editor: text, base version and the draft's details (ids agreed with editor.js)."""

    account = SelectField("Konto", coerce=int, validate_choice=False)
    text = TextAreaField("Text", id="draft-text")
    base_version = HiddenField(id="base-version", default="0")
    reply_to_text = TextAreaField("Frågan som besvaras", validators=[Optional()])
    reply_to_url = StringField("Länk till frågan", validators=[Optional(), Length(max=500)])
    question_received_at = DateTimeLocalField("Frågan kom in", validators=[Optional()],
                                              format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"])
    spokesperson = SelectField("Talesperson som undertecknar", coerce=str, validate_choice=False)
    planned_at = DateTimeLocalField("Planerad publicering", validators=[Optional()],
                                    format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"])

    def metadata(self) -> dict:
        """Return the details as keyword arguments for create_draft/save_version."""
        return {
            "reply_to_text": self.reply_to_text.data or "",
            "reply_to_url": self.reply_to_url.data or "",
            "question_received_at": to_utc(self.question_received_at.data),
            "spokesperson": int(self.spokesperson.data) if (self.spokesperson.data or "").isdigit() else None,
            "planned_at": to_utc(self.planned_at.data),
        }


class ConsentForm(SwedishForm):
    """A person's consent to appear by name in a draft."""

    person_name = StringField("Personens namn", validators=[DataRequired("Ange namnet."), Length(max=200)])
    method = SelectField("Hur samtycket gavs", choices=[SelectChoice(m.value, m.label) for m in ConsentMethod],
                         validators=[DataRequired("Välj hur samtycket gavs.")])
    given_on = DateField("Datum för samtycket", validators=[DataRequired("Ange datum (ÅÅÅÅ-MM-DD).")])
    reference = StringField("Referens (valfritt)", validators=[Optional(), Length(max=200)])


class WithdrawConsentForm(SwedishForm):
    """Withdraw a consent, with an optional note."""

    note = TextAreaField("Anteckning (valfritt)", validators=[Optional(), Length(max=2000)])
