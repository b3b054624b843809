"""Small JSON validators for the API; each also describes itself as an OpenAPI schema.

One declaration per body or query field serves both the request parsing in views.py and
the document in openapi.py, so the two cannot disagree. No FlaskForm here: a form's own
CSRF field would refuse token requests (STYLE.md, trap 2).
"""
from dataclasses import dataclass, field
from datetime import datetime, timezone

from aledraft.analysis import MAX_TEXT_LENGTH, PLATFORMS
from aledraft.errors import ValidationFailed

#: Largest value of an integer id or version (PostgreSQL integer).
MAX_INT = 2**31 - 1


@dataclass(frozen=True)
class Field:
    """One JSON field (or query parameter): its type, limits and how to read it."""

    name: str
    #: "string", "integer", "date-time" or "array".
    kind: str
    description: str
    required: bool = False
    nullable: bool = False
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    enum: tuple[str, ...] | None = None
    default: object = None
    #: For kind "array": the object each item must be.
    items: "Body | None" = None
    max_items: int | None = None

    def schema(self) -> dict:
        """Return the OpenAPI 3.0 schema of the field."""
        if self.kind == "string":
            schema = {"type": "string"}
            if self.max_length is not None:
                schema["maxLength"] = self.max_length
            if self.enum:
                schema["enum"] = list(self.enum)
        elif self.kind == "integer":
            schema = {"type": "integer", "minimum": self.minimum if self.minimum is not None else 0,
                      "maximum": self.maximum if self.maximum is not None else MAX_INT}
        elif self.kind == "date-time":
            schema = {"type": "string", "format": "date-time"}
        elif self.kind == "array":
            schema = {"type": "array", "items": self.items.schema()}
            if self.max_items is not None:
                schema["maxItems"] = self.max_items
        else:  # pragma: no cover - a programming error in a declaration
            raise ValueError(f"unknown field kind {self.kind!r}")
        if self.nullable:
            schema["nullable"] = True
            if "enum" in schema:  # OpenAPI 3.0.3: an enum must list null itself to allow it
                schema["enum"].append(None)
        schema["description"] = self.description
        return schema

    def parse(self, value):
        """Return the value checked and converted (datetimes become aware UTC).

        :raise ValidationFailed: wrong type, out of range, or not allowed characters
        """
        if value is None:
            if self.nullable:
                return None
            raise self._invalid("får inte vara null")
        if self.kind == "string":
            if not isinstance(value, str):
                raise self._invalid("måste vara en textsträng")
            _check_characters(self.name, value)
            if self.max_length is not None and len(value) > self.max_length:
                raise self._invalid(f"får vara högst {self.max_length} tecken")
            if self.enum and value not in self.enum:
                raise self._invalid(f"måste vara något av: {', '.join(self.enum)}")
            return value
        if self.kind == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                raise self._invalid("måste vara ett heltal")
            low = self.minimum if self.minimum is not None else 0
            high = self.maximum if self.maximum is not None else MAX_INT
            if not low <= value <= high:
                raise self._invalid(f"måste vara mellan {low} och {high}")
            return value
        if self.kind == "date-time":
            return self._parse_datetime(value)
        if self.kind == "array":
            if not isinstance(value, list):
                raise self._invalid("måste vara en lista")
            if self.max_items is not None and len(value) > self.max_items:
                raise self._invalid(f"får ha högst {self.max_items} poster")
            return [self.items.parse(item, where=f"{self.name}[{i}]") for i, item in enumerate(value)]
        raise ValueError(f"unknown field kind {self.kind!r}")  # pragma: no cover

    def parse_query(self, raw: str):
        """Return a query-string value checked and converted.

        :raise ValidationFailed: not a valid value for the parameter
        """
        if self.kind == "integer":
            if not raw.isascii() or not raw.isdigit() or len(raw) > 10:
                raise self._invalid("måste vara ett heltal")
            return self.parse(int(raw))
        return self.parse(raw)

    def _parse_datetime(self, value) -> datetime:
        if not isinstance(value, str):
            raise self._invalid("måste vara en tidpunkt som text (ISO 8601)")
        _check_characters(self.name, value)
        try:
            parsed = datetime.fromisoformat(value.strip())
            if parsed.tzinfo is None:
                raise self._invalid("måste ange tidszon, t.ex. 2026-11-24T09:15:00+01:00")
            return parsed.astimezone(timezone.utc)
        except (ValueError, OverflowError):
            raise self._invalid("måste vara en tidpunkt i formatet ISO 8601, t.ex. 2026-11-24T09:15:00+01:00") from None

    def _invalid(self, problem: str) -> ValidationFailed:
        return ValidationFailed(f"Fältet ”{self.name}” {problem}.", field=self.name)


@dataclass(frozen=True)
class Body:
    """A JSON object with declared fields; unknown fields are refused."""

    #: The schema's name under components/schemas.
    name: str
    fields: tuple[Field, ...] = field(default_factory=tuple)
    description: str = ""

    def schema(self) -> dict:
        """Return the OpenAPI 3.0 schema of the object."""
        schema = {
            "type": "object",
            "properties": {f.name: f.schema() for f in self.fields},
            "additionalProperties": False,
        }
        required = [f.name for f in self.fields if f.required]
        if required:
            schema["required"] = required
        if self.description:
            schema["description"] = self.description
        return schema

    def parse(self, data, *, where: str = "") -> dict:
        """Return {name: value} for the fields present (defaults filled in for missing optional ones).

        :raise ValidationFailed: not an object, an unknown field, a missing required field, a bad value
        """
        if not isinstance(data, dict):
            raise ValidationFailed(f"{where or 'Innehållet'} måste vara ett JSON-objekt.", field=where or None)
        known = {f.name for f in self.fields}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValidationFailed(f"Okänt fält: ”{unknown[0]}”.", field=unknown[0])
        result = {}
        for spec in self.fields:
            if spec.name in data:
                result[spec.name] = spec.parse(data[spec.name])
            elif spec.required:
                name = f"{where}.{spec.name}" if where else spec.name
                raise ValidationFailed(f"Fältet ”{name}” saknas.", field=name)
            elif spec.default is not None:
                result[spec.name] = spec.default
        return result


def parse_query(fields: tuple[Field, ...], args) -> dict:
    """Return the declared query parameters present in args, checked and converted.

    :raise ValidationFailed: an unknown parameter or a bad value
    """
    known = {f.name: f for f in fields}
    unknown = sorted(set(args) - set(known))
    if unknown:
        raise ValidationFailed(f"Okänd parameter: ”{unknown[0]}”.", field=unknown[0])
    result = {}
    for spec in fields:
        if spec.name in args:
            result[spec.name] = spec.parse_query(args[spec.name])
        elif spec.default is not None:
            result[spec.name] = spec.default
    return result


def _check_characters(name: str, value: str) -> None:
    # PostgreSQL text cannot hold NUL, and lone surrogates are not encodable as UTF-8:
    # refuse both here rather than fail in the database.
    if "\x00" in value:
        raise ValidationFailed(f"Fältet ”{name}” innehåller ett otillåtet tecken (NUL).", field=name)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationFailed(f"Fältet ”{name}” innehåller ogiltiga tecken (ensamma surrogattecken).",
                               field=name) from None


# The request bodies and query parameters of the API.

_TEXT = Field("text", "string", "Inläggets text.", required=True, max_length=MAX_TEXT_LENGTH)
_METADATA = (
    Field("reply_to_text", "string", "Frågan som besvaras, när utkastet är ett svar.", max_length=MAX_TEXT_LENGTH),
    Field("reply_to_url", "string", "Länk till frågan (http:// eller https://).", max_length=500),
    Field("question_received_at", "date-time", "När frågan kom in (med tidszon).", nullable=True),
    Field("spokesperson_id", "integer", "Utsedd talesperson som undertecknar, eller null.", nullable=True, minimum=1),
    Field("planned_at", "date-time", "Planerad publicering (med tidszon).", nullable=True),
)

DRAFT_CREATE = Body("DraftCreate", (
    Field("account_id", "integer", "Kontot som utkastet skrivs för.", required=True, minimum=1),
    _TEXT,
    *_METADATA,
), "Ett nytt utkast; det får version 1.")

DRAFT_SAVE = Body("DraftSave", (
    _TEXT,
    Field("base_version", "integer", "Versionen texten bygger på; en äldre version ger 409 stale_version.",
          required=True),
    *_METADATA,
), "En ny version av texten (och ändrade uppgifter om svaret).")

OVERRIDE = Body("OverrideInput", (
    Field("rule", "string", "Regel-id för den blockerande markeringen, t.ex. pii.personnummer.",
          required=True, max_length=80),
    Field("start", "integer", "Markeringens startposition i texten.", required=True),
    Field("reason", "string", "Granskarens skriftliga motivering.", required=True, max_length=10_000),
), "Ett motiverat undantag för en blockerande markering.")

APPROVE = Body("ApproveInput", (
    Field("version", "integer", "Versionen som godkänns; en nyare sparad version ger 409 stale_version.",
          required=True, minimum=1),
    Field("overrides", "array", "Undantag för blockerande markeringar.", items=OVERRIDE, max_items=200,
          default=()),
))

SEND_BACK = Body("SendBackInput", (
    Field("comment", "string", "Vad skribenten behöver ändra.", required=True, max_length=10_000),
))

PUBLISH = Body("PublishInput", (
    Field("url", "string", "Adressen till det publicerade inlägget.", required=True, max_length=500),
    Field("published_at", "date-time", "När inlägget publicerades (med tidszon); utelämnat = nu.",
          nullable=True),
))

ANALYZE = Body("AnalyzeInput", (
    Field("text", "string", "Texten som ska granskas.", required=True, max_length=MAX_TEXT_LENGTH),
    Field("platform", "string", "Plattformens regler som ska gälla, eller null.", nullable=True,
          enum=PLATFORMS),
))

#: Draft states as the API names them.
DRAFT_STATES = ("utkast", "granskas", "godkand", "publicerad")

DRAFT_LIST_QUERY = (
    Field("state", "string", "Visa bara utkast i detta läge.", enum=DRAFT_STATES),
    Field("account_id", "integer", "Visa bara utkast för detta konto.", minimum=1),
    Field("limit", "integer", "Högst så många utkast (1–200).", minimum=1, maximum=200, default=50),
    Field("offset", "integer", "Hoppa över så många utkast först.", maximum=1_000_000, default=0),
)
