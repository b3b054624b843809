"""Forms of user administration and the audit log browser."""
from wtforms import DateField, EmailField, PasswordField, SelectChoice, SelectField, StringField, SubmitField
from wtforms import widgets
from wtforms.fields import SelectMultipleField
from wtforms.validators import DataRequired, EqualTo, Length, Optional, ValidationError

from aledraft.access import Role
from aledraft.auth.services import MIN_PASSWORD_LENGTH
from aledraft.forms import SwedishForm

ROLE_CHOICES = [SelectChoice(r.value, r.label) for r in Role]


class CheckboxesField(SelectMultipleField):
    """Several choices shown as a group of checkboxes."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def at_least_one_role(form, field):
    """Require a choice without marking each checkbox `required` (that would demand all of them)."""
    if not field.data:
        raise ValidationError("Välj minst en roll.")


def _password_field(label: str) -> PasswordField:
    return PasswordField(label, validators=[
        DataRequired("Ange ett lösenord."),
        Length(min=MIN_PASSWORD_LENGTH, max=500, message=f"Lösenordet måste ha minst {MIN_PASSWORD_LENGTH} tecken."),
    ])


class CreateUserForm(SwedishForm):
    name = StringField("Namn", validators=[DataRequired("Ange användarens namn."), Length(max=200)])
    email = EmailField("E-postadress", validators=[DataRequired("Ange en e-postadress."), Length(max=254)])
    unit = StringField("Förvaltning eller enhet", validators=[Length(max=200)])
    password = _password_field("Lösenord")
    password_again = PasswordField("Lösenord igen", validators=[
        DataRequired("Skriv lösenordet en gång till."), EqualTo("password", "Lösenorden är inte lika.")])
    roles = CheckboxesField("Roller", choices=ROLE_CHOICES, validators=[at_least_one_role])
    submit = SubmitField("Skapa användare")


class EditUserForm(SwedishForm):
    name = StringField("Namn", validators=[DataRequired("Ange användarens namn."), Length(max=200)])
    unit = StringField("Förvaltning eller enhet", validators=[Length(max=200)])
    submit = SubmitField("Spara namn och enhet")


class RolesForm(SwedishForm):
    roles = CheckboxesField("Roller", choices=ROLE_CHOICES, validators=[at_least_one_role])
    submit = SubmitField("Spara roller")


class PasswordForm(SwedishForm):
    password = _password_field("Nytt lösenord")
    password_again = PasswordField("Nytt lösenord igen", validators=[
        DataRequired("Skriv lösenordet en gång till."), EqualTo("password", "Lösenorden är inte lika.")])
    submit = SubmitField("Återställ lösenord")


class AuditFilterForm(SwedishForm):
    """The audit log's filters (a GET form: no CSRF token)."""

    class Meta:
        csrf = False

    action = SelectField("Händelse", default="")
    object_type = SelectField("Typ av objekt", default="")
    actor = SelectField("Vem", default="")
    date_from = DateField("Från och med", validators=[Optional()])
    date_to = DateField("Till och med", validators=[Optional()])

    def validate_date_to(self, field):
        if field.data and self.date_from.data and field.data < self.date_from.data:
            raise ValidationError("Slutdatumet kan inte vara före startdatumet.")
