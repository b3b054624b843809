"""The API's one route table, and the OpenAPI 3 document built from it.

views.py registers its URL rules from ROUTES, so every rule the app serves under /api/v1
is described here; tests/api/test_openapi.py compares the URL map with the document.
"""
import re
from dataclasses import dataclass

from aledraft.api import schemas
from aledraft.api.schemas import Body, Field

PREFIX = "/api/v1"

#: Flask rule converter for a row id (views answer 404 above schemas.MAX_INT, never a database error).
ID = "int"

#: Error statuses and what they mean for an API client (Swedish, as the rest of the document).
ERRORS = {
    400: "Ogiltig JSON eller ogiltiga fält (code invalid_json, validation_failed eller csrf_failed).",
    401: "Saknad, ogiltig eller återkallad API-nyckel (code login_required).",
    403: "Rollen eller regeln tillåter det inte (code forbidden).",
    404: "Finns inte (code not_found).",
    409: "Krock med utkastets läge (invalid_transition) eller en nyare version (stale_version, "
         "med current_version och current_text).",
    413: "Begäran är större än API_MAX_BODY (code payload_too_large).",
    415: "Innehållet är inte application/json (code unsupported_media_type).",
}


@dataclass(frozen=True)
class Operation:
    """One method on one API path: the view that serves it and how the document describes it."""

    method: str
    #: Flask rule below PREFIX.
    rule: str
    #: Name of the view function in views.py (and so the endpoint "api.<endpoint>").
    endpoint: str
    summary: str
    #: Component name of the success response's schema.
    response: str
    status: int = 200
    body: Body | None = None
    query: tuple[Field, ...] = ()
    #: Error statuses the operation can answer besides 401 (and 403 when it needs a role).
    errors: tuple[int, ...] = ()
    #: Anyone may call it, without a token.
    public: bool = False
    tag: str = "utkast"


_DRAFT = f"/drafts/<{ID}:draft_id>"
_BODY_ERRORS = (400, 413, 415)

ROUTES: tuple[Operation, ...] = (
    Operation("GET", "/openapi.json", "openapi_document", "Det här dokumentet (OpenAPI 3).", "OpenApiDocument",
              public=True, tag="övrigt"),
    Operation("GET", "/accounts", "list_accounts", "Kommunens konton i sociala medier.", "AccountList",
              tag="konton"),
    Operation("POST", "/analyze", "analyze_text", "Granska en text med analysverktyget (sparar inget).",
              "Report", body=schemas.ANALYZE, errors=_BODY_ERRORS, tag="analys"),
    Operation("GET", "/drafts", "list_drafts", "Utkast som användaren får se, senast ändrade först.",
              "DraftList", query=schemas.DRAFT_LIST_QUERY, errors=(400,)),
    Operation("POST", "/drafts", "create_draft", "Skriv ett nytt utkast (version 1).", "Draft", status=201,
              body=schemas.DRAFT_CREATE, errors=_BODY_ERRORS),
    Operation("GET", _DRAFT, "get_draft", "Ett utkast med aktuell text och markeringar.", "Draft",
              errors=(404,)),
    Operation("PUT", _DRAFT, "save_draft", "Spara en ny version av texten.", "Draft",
              body=schemas.DRAFT_SAVE, errors=(*_BODY_ERRORS, 404, 409)),
    Operation("POST", f"{_DRAFT}/submit", "submit_draft", "Skicka utkastet till granskning.", "Draft",
              errors=(404, 409, 413)),
    Operation("POST", f"{_DRAFT}/approve", "approve_draft",
              "Godkänn en version; blockerande markeringar kräver motiverade undantag.", "Draft",
              body=schemas.APPROVE, errors=(*_BODY_ERRORS, 404, 409)),
    Operation("POST", f"{_DRAFT}/send-back", "send_back_draft", "Skicka tillbaka utkastet med en kommentar.",
              "Draft", body=schemas.SEND_BACK, errors=(*_BODY_ERRORS, 404, 409)),
    Operation("POST", f"{_DRAFT}/publish", "publish_draft",
              "Markera ett godkänt utkast som publicerat; texten måste vara den godkända.", "Draft",
              body=schemas.PUBLISH, errors=(*_BODY_ERRORS, 404, 409)),
)


def openapi_path(rule: str) -> str:
    """Return a Flask rule in OpenAPI form: <int(max=9):draft_id> becomes {draft_id}."""
    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule)


def _path_parameters(rule: str) -> list[dict]:
    return [
        {"name": name, "in": "path", "required": True,
         "schema": {"type": "integer", "minimum": 1, "maximum": schemas.MAX_INT}}
        for name in re.findall(r"<[^:<>]+:([^<>]+)>", rule)
    ]


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _error_response(status: int) -> dict:
    return {"description": ERRORS[status], "content": {"application/json": {"schema": _ref("Error")}}}


def _operation(op: Operation) -> dict:
    document = {
        "operationId": op.endpoint,
        "summary": op.summary,
        "tags": [op.tag],
        "responses": {
            str(op.status): {"description": "OK", "content": {"application/json": {"schema": _ref(op.response)}}},
        },
    }
    parameters = _path_parameters(op.rule) + [
        {"name": f.name, "in": "query", "required": f.required, "description": f.description,
         "schema": {k: v for k, v in f.schema().items() if k != "description"}}
        for f in op.query
    ]
    if parameters:
        document["parameters"] = parameters
    if op.body is not None:
        document["requestBody"] = {"required": True,
                                   "content": {"application/json": {"schema": _ref(op.body.name)}}}
    statuses = set(op.errors)
    if op.public:
        document["security"] = []
    else:
        statuses |= {401, 403}
    for status in sorted(statuses):
        document["responses"][str(status)] = _error_response(status)
    return document


def build_document() -> dict:
    """Return the OpenAPI 3.0 document of the API."""
    paths: dict[str, dict] = {}
    for op in ROUTES:
        paths.setdefault(PREFIX + openapi_path(op.rule), {})[op.method.lower()] = _operation(op)
    bodies = {op.body.name: op.body.schema() for op in ROUTES if op.body is not None}
    bodies[schemas.OVERRIDE.name] = schemas.OVERRIDE.schema()
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "aledraft API",
            "version": "1",
            "description": (
                "Ale kommuns verktyg för inlägg i sociala medier. Varje anrop bär en personlig "
                "API-nyckel (`Authorization: Bearer ald_…`, skapas på sidan Profil eller med "
                "`flask --app aledraft create-token E-POST`). Samma roller och regler gäller som i "
                "webbgränssnittet. Anrop med inloggningskaka i stället för nyckel måste skicka "
                "CSRF-koden i huvudet X-CSRFToken. Fel svarar alltid "
                '`{"error": {"code", "message"}}` med ett meddelande på svenska; ogiltig JSON och '
                "ogiltiga fält ger 400. Dokumentet självt är öppet för alla."
            ),
        },
        "paths": paths,
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer",
                           "description": "Personlig API-nyckel (börjar med ald_)."},
            },
            "schemas": {**COMPONENTS, **bodies},
        },
        "security": [{"bearer": []}],
    }


_DATETIME = {"type": "string", "format": "date-time"}
_NULLABLE_DATETIME = {"type": "string", "format": "date-time", "nullable": True}
_USER_REF = {"type": "object", "required": ["id", "name"],
             "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}

#: Finding categories and document flags of the analyzer contract (DESIGN.md).
CATEGORIES = [
    "personnummer", "coordination_number", "phone", "email", "person_name", "address", "postal_code",
    "vehicle_reg", "bank_account", "sensitive_data", "confidential", "case_handling", "plain_language",
    "long_sentence", "spelling", "tone", "platform", "accessibility",
]
DOC_FLAGS = ["personal_data", "sensitive_data", "confidential", "case_handling"]

_FINDING_PROPERTIES = {
    "rule": {"type": "string", "description": "Regel-id, t.ex. pii.personnummer."},
    "category": {"type": "string", "enum": CATEGORIES},
    "severity": {"type": "string", "enum": ["block", "warn", "info"]},
    "start": {"type": "integer", "minimum": 0, "description": "Teckenposition (Python-index) i texten."},
    "end": {"type": "integer", "minimum": 0},
    "text": {"type": "string", "description": "text[start:end]"},
    "message": {"type": "string"},
    "suggestion": {"type": "string", "nullable": True},
}
_FINDING_REQUIRED = ["rule", "category", "severity", "start", "end", "text", "message", "suggestion"]

COMPONENTS = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string", "description": "Maskinläsbar kod, t.ex. stale_version."},
                "message": {"type": "string", "description": "Förklaring på svenska."},
                "field": {"type": "string", "nullable": True, "description": "Fältet som var fel (400)."},
                "current_version": {"type": "integer", "description": "Vid stale_version: senaste versionen."},
                "current_text": {"type": "string", "description": "Vid stale_version: senaste versionens text."},
            },
        }},
    },
    "UserRef": _USER_REF,
    "Account": {
        "type": "object",
        "required": ["id", "platform", "name", "status"],
        "properties": {
            "id": {"type": "integer"},
            "platform": {"type": "string",
                         "enum": ["facebook", "instagram", "x", "linkedin", "youtube", "tiktok", "annat"]},
            "platform_label": {"type": "string"},
            "name": {"type": "string"},
            "url": {"type": "string"},
            "purpose": {"type": "string"},
            "unit": {"type": "string"},
            "status": {"type": "string", "enum": ["aktiv", "under_avveckling", "stangd"]},
            "is_open": {"type": "boolean"},
            "logo_confirmed": {"type": "boolean"},
            "responsible": {"allOf": [_ref("UserRef")], "nullable": True},
            "admins": {"type": "array", "items": _ref("UserRef")},
            "last_activity_at": _NULLABLE_DATETIME,
        },
    },
    "AccountList": {"type": "object", "required": ["accounts"],
                    "properties": {"accounts": {"type": "array", "items": _ref("Account")}}},
    "Finding": {"type": "object", "required": _FINDING_REQUIRED, "properties": _FINDING_PROPERTIES},
    "DraftFinding": {
        "type": "object",
        "required": [*_FINDING_REQUIRED, "covered_by_consent", "blocking"],
        "properties": {
            **_FINDING_PROPERTIES,
            "covered_by_consent": {"type": "boolean", "description": "Ett registrerat samtycke täcker personen."},
            "blocking": {"type": "boolean", "description": "Måste åtgärdas eller få ett undantag före godkännande."},
        },
    },
    "Readability": {
        "type": "object",
        "required": ["lix", "level", "words", "sentences", "long_words"],
        "properties": {
            "lix": {"type": "number"},
            "level": {"type": "string", "enum": ["lätt", "medel", "svår"]},
            "words": {"type": "integer"},
            "sentences": {"type": "integer"},
            "long_words": {"type": "integer"},
        },
    },
    "Report": {
        "type": "object",
        "required": ["findings", "readability", "doc_flags"],
        "properties": {
            "findings": {"type": "array", "items": _ref("Finding")},
            "readability": _ref("Readability"),
            "doc_flags": {"type": "array", "items": {"type": "string", "enum": DOC_FLAGS}},
        },
    },
    "Override": {
        "type": "object",
        "required": ["rule", "start", "text", "reason"],
        "properties": {"rule": {"type": "string"}, "start": {"type": "integer"}, "text": {"type": "string"},
                       "reason": {"type": "string"}},
    },
    "Approval": {
        "type": "object",
        "required": ["version", "content_hash", "approved_by", "approved_at", "overrides"],
        "properties": {
            "version": {"type": "integer"},
            "content_hash": {"type": "string"},
            "approved_by": _ref("UserRef"),
            "approved_at": _DATETIME,
            "overrides": {"type": "array", "items": _ref("Override")},
        },
    },
    "Draft": {
        "type": "object",
        "required": ["id", "account_id", "text", "state", "version", "content_hash", "findings", "author",
                     "created_at", "updated_at"],
        "properties": {
            "id": {"type": "integer"},
            "account_id": {"type": "integer"},
            "account_name": {"type": "string"},
            "author": _ref("UserRef"),
            "text": {"type": "string", "description": "Den aktuella versionens text."},
            "state": {"type": "string", "enum": list(schemas.DRAFT_STATES)},
            "state_label": {"type": "string"},
            "version": {"type": "integer", "description": "Aktuell version; +1 vid varje sparning."},
            "content_hash": {"type": "string", "description": "SHA-256 av texten (UTF-8)."},
            "findings": {"type": "array", "items": _ref("DraftFinding")},
            "reply_to_text": {"type": "string"},
            "reply_to_url": {"type": "string"},
            "question_received_at": _NULLABLE_DATETIME,
            "spokesperson_id": {"type": "integer", "nullable": True},
            "planned_at": _NULLABLE_DATETIME,
            "created_at": _DATETIME,
            "updated_at": _DATETIME,
            "submitted_at": _NULLABLE_DATETIME,
            "approved_content_hash": {"type": "string", "nullable": True,
                                      "description": "Hashen för den godkända versionen, när utkastet är godkänt."},
            "approval": {"allOf": [_ref("Approval")], "nullable": True},
            "published_url": {"type": "string"},
            "published_at": _NULLABLE_DATETIME,
        },
    },
    "DraftList": {
        "type": "object",
        "required": ["drafts", "limit", "offset", "has_more"],
        "properties": {
            "drafts": {"type": "array", "items": _ref("Draft")},
            "limit": {"type": "integer"},
            "offset": {"type": "integer"},
            "has_more": {"type": "boolean"},
        },
    },
    "OpenApiDocument": {"type": "object", "description": "Ett OpenAPI 3.0-dokument."},
}
