"""Forms of the account registry."""
from wtforms import (BooleanField, SelectChoice, SelectField, SelectMultipleField, StringField, SubmitField,
                     TextAreaField)
from wtforms.validators import DataRequired, Length

from aledraft.forms import SwedishForm
from aledraft.models import AccountStatus, Platform


def user_choices(users) -> list[SelectChoice]:
    """Return select choices for users: the name, and the unit when there is one."""
    return [SelectChoice(str(u.id), f"{u.name} ({u.unit})" if u.unit else u.name) for u in users]


class AccountForm(SwedishForm):
    platform = SelectField("Plattform", choices=[SelectChoice(p.value, p.label) for p in Platform],
                           validators=[DataRequired("Välj en plattform.")])
    name = StringField("Kontots namn", validators=[DataRequired("Ange kontots namn."), Length(max=200)])
    url = StringField("Webbadress eller användarnamn", validators=[Length(max=500)])
    purpose = TextAreaField("Syfte", validators=[
        DataRequired("Ange kontots syfte. Riktlinjerna kräver ett klart definierat syfte."), Length(max=5000)])
    responsible = SelectField("Ansvarig person", validators=[
        DataRequired("Välj en ansvarig person. Riktlinjerna kräver en utsedd ansvarig för varje konto.")])
    admins = SelectMultipleField("Administratörer")
    unit = StringField("Ansvarig enhet", validators=[Length(max=200)])
    is_open = BooleanField("Öppet konto: alla kan läsa innehållet utan att följa eller gilla sidan")
    logo_confirmed = BooleanField("Profilbilden har Ale kommuns logotyp (bekräftat)")
    submit = SubmitField("Spara")

    def set_user_choices(self, users) -> None:
        """Offer the given users as responsible person and admins."""
        choices = user_choices(users)
        self.responsible.choices = [SelectChoice("", "– Välj ansvarig person –"), *choices]
        self.admins.choices = choices


class ReasonForm(SwedishForm):
    """A written reason: proposing a closure, or the chief's decision."""

    reason = TextAreaField("Motivering", validators=[DataRequired("Skriv en motivering."), Length(max=5000)])
    submit = SubmitField("Skicka")


class DecisionForm(SwedishForm):
    """The communications chief's decision on closing an account."""

    reason = TextAreaField("Motivering till beslutet", validators=[
        DataRequired("Skriv motiveringen till beslutet."), Length(max=5000)])
    shut_down = BooleanField("Kontot är redan nedstängt på plattformen (markera det som stängt direkt)")
    submit = SubmitField("Besluta att stänga kontot")
    decline = SubmitField("Avslå förslaget")


class StatusFilterForm(SwedishForm):
    """The registry's status filter (a GET form: no CSRF token)."""

    class Meta:
        csrf = False

    status = SelectField("Status", choices=[SelectChoice("", "Alla"),
                                            *(SelectChoice(s.value, s.label) for s in AccountStatus)],
                         default="")
