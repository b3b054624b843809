"""Forms of the review workflow."""
from wtforms import DateTimeLocalField, HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from aledraft.forms import SwedishForm


class ApproveForm(SwedishForm):
    """Approve one version; override reasons come as override-<n>-reason fields beside it."""

    version = HiddenField()


class CommentForm(SwedishForm):
    """A review comment (required when sending back)."""

    body = TextAreaField("Kommentar", validators=[DataRequired("Skriv en kommentar."), Length(max=10_000)])


class PublishForm(SwedishForm):
    """Mark an approved draft published: the post's address and time."""

    url = StringField("Länk till det publicerade inlägget",
                      validators=[DataRequired("Ange länken till inlägget."), Length(max=500)])
    published_at = DateTimeLocalField("Publicerades", validators=[Optional()],
                                      format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"])
