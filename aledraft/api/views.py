"""The JSON API under /api/v1: drafts, review, accounts and the analyzer.

Views parse JSON with the validators in schemas.py, call one service, and answer JSON.
Roles are declared with @allow as on the pages; object rules are the services' and
access.can_* predicates'. The URL rules come from openapi.ROUTES (registered at the end).
"""
import json
from itertools import islice

from flask import Blueprint, current_app, jsonify, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from werkzeug.exceptions import RequestEntityTooLarge

from aledraft.access import ANY_ROLE, WRITERS, Role, allow, can_view_draft, public
from aledraft.api import openapi, schemas
from aledraft.api.errors import InvalidJson, PayloadTooLarge, UnsupportedMediaType
from aledraft.api.schemas import Body
from aledraft.api.serialize import account_dict, draft_dict
from aledraft.db import get_session
from aledraft.errors import NotFound
from aledraft.drafts import services as drafts
from aledraft.models import Account, Draft
from aledraft.review import services as review

bp = Blueprint("api", __name__, url_prefix=openapi.PREFIX)

#: Roles that may review; whether they may review a given draft is access.can_approve's question.
REVIEWERS = (Role.REVIEWER, Role.ACCOUNT_ADMIN, Role.COMMS_CHIEF)

#: Fields of DraftCreate/DraftSave and the services' names for them.
_METADATA_NAMES = {
    "reply_to_text": "reply_to_text",
    "reply_to_url": "reply_to_url",
    "question_received_at": "question_received_at",
    "spokesperson_id": "spokesperson",
    "planned_at": "planned_at",
}


@bp.before_request
def limit_body():
    """Refuse bodies over API_MAX_BODY, by the Content-Length header and by the bytes actually sent.

    :raise PayloadTooLarge: the body is too large
    """
    limit = current_app.config["API_MAX_BODY"]
    too_large = PayloadTooLarge(f"Begäran är för stor. API:et tar emot högst {limit} byte.")
    if request.content_length is not None and request.content_length > limit:
        raise too_large
    # A chunked body has no Content-Length: cap what is read, then count what arrived.
    request.max_content_length = limit
    try:
        data = request.get_data(cache=True)
    except RequestEntityTooLarge:
        raise too_large from None
    if len(data) > limit:
        raise too_large


@bp.after_request
def api_headers(response):
    """Mark API answers uncacheable and tell clients without a valid token how to authenticate."""
    response.headers["Cache-Control"] = "no-store"
    if response.status_code == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="aledraft"'
    return response


def json_body(spec: Body) -> dict:
    """Return the request's JSON object, checked against spec.

    :raise UnsupportedMediaType: the body is not declared as JSON
    :raise InvalidJson: the body is empty or not JSON
    :raise ValidationFailed: the JSON does not match spec
    """
    if not request.is_json:
        raise UnsupportedMediaType()
    data = request.get_data(cache=True)
    if not data.strip():
        raise InvalidJson("Begäran saknar JSON-innehåll.")
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        raise InvalidJson() from None
    return spec.parse(value)


def _metadata(values: dict) -> dict:
    return {_METADATA_NAMES[name]: value for name, value in values.items() if name in _METADATA_NAMES}


def _draft(draft_id: int) -> Draft:
    # Werkzeug's int(max=...) converter answers 405 instead of 404 for other methods on the path.
    if draft_id > schemas.MAX_INT:
        raise NotFound("Utkastet finns inte.")
    return drafts.get_draft(get_session(), draft_id, current_user)


def _draft_response(draft: Draft, status: int = 200):
    return jsonify(draft_dict(get_session(), draft)), status


@public
def openapi_document():
    return jsonify(openapi.build_document())


@allow(*ANY_ROLE)
def list_accounts():
    accounts = get_session().scalars(
        select(Account).options(selectinload(Account.admins), selectinload(Account.responsible))
        .order_by(Account.platform, Account.name, Account.id)
    )
    return jsonify({"accounts": [account_dict(a) for a in accounts]})


@allow(*WRITERS)
def analyze_text():
    values = json_body(schemas.ANALYZE)
    return jsonify(drafts.analysis_report(values["text"], values.get("platform")))


@allow(*WRITERS)
def list_drafts():
    params = schemas.parse_query(schemas.DRAFT_LIST_QUERY, request.args)
    statement = (
        select(Draft)
        .options(selectinload(Draft.account).selectinload(Account.admins), selectinload(Draft.author))
        .order_by(Draft.updated_at.desc(), Draft.id.desc())
    )
    if "state" in params:
        statement = statement.where(Draft.state == params["state"])
    if "account_id" in params:
        statement = statement.where(Draft.account_id == params["account_id"])
    session = get_session()
    limit, offset = params["limit"], params["offset"]
    result = session.scalars(statement.execution_options(yield_per=200))
    try:
        # The same predicate as the pages decide who sees a draft; one more than asked tells has_more.
        visible = (d for d in result if can_view_draft(current_user, d))
        page = list(islice(visible, offset, offset + limit + 1))
    finally:
        result.close()
    return jsonify({
        "drafts": [draft_dict(session, d) for d in page[:limit]],
        "limit": limit,
        "offset": offset,
        "has_more": len(page) > limit,
    })


@allow(*WRITERS)
def create_draft():
    values = json_body(schemas.DRAFT_CREATE)
    session = get_session()
    draft = drafts.create_draft(session, current_user, session.get(Account, values["account_id"]),
                                values["text"], **_metadata(values))
    response = jsonify(draft_dict(session, draft))
    response.status_code = 201
    response.headers["Location"] = url_for("api.get_draft", draft_id=draft.id)
    return response


@allow(*WRITERS)
def get_draft(draft_id: int):
    return _draft_response(_draft(draft_id))


@allow(*WRITERS)
def save_draft(draft_id: int):
    values = json_body(schemas.DRAFT_SAVE)
    draft = _draft(draft_id)
    drafts.save_version(get_session(), draft, values["text"], values["base_version"], current_user,
                        **_metadata(values))
    return _draft_response(draft)


@allow(*WRITERS)
def submit_draft(draft_id: int):
    draft = _draft(draft_id)
    review.submit(get_session(), draft, current_user)
    return _draft_response(draft)


@allow(*REVIEWERS)
def approve_draft(draft_id: int):
    values = json_body(schemas.APPROVE)
    draft = _draft(draft_id)
    review.approve(get_session(), draft, values["version"], current_user, list(values["overrides"]))
    return _draft_response(draft)


@allow(*REVIEWERS)
def send_back_draft(draft_id: int):
    values = json_body(schemas.SEND_BACK)
    draft = _draft(draft_id)
    review.send_back(get_session(), draft, current_user, values["comment"])
    return _draft_response(draft)


@allow(*WRITERS)
def publish_draft(draft_id: int):
    values = json_body(schemas.PUBLISH)
    draft = _draft(draft_id)
    review.publish(get_session(), draft, current_user, url=values["url"], published_at=values.get("published_at"))
    return _draft_response(draft)


def register_routes(blueprint: Blueprint, views: dict) -> None:
    """Add a URL rule to the blueprint for every operation of the route table.

    :raise LookupError: an operation names no view, or a view has no operation
    """
    unused = set(views)
    for operation in openapi.ROUTES:
        if operation.endpoint not in views:
            raise LookupError(f"openapi.ROUTES names {operation.endpoint!r}, which views.py does not define")
        blueprint.add_url_rule(operation.rule, operation.endpoint, views[operation.endpoint],
                               methods=[operation.method])
        unused.discard(operation.endpoint)
    if unused:
        raise LookupError(f"views without an entry in openapi.ROUTES: {sorted(unused)}")


register_routes(bp, {view.__name__: view for view in (
    openapi_document, list_accounts, analyze_text, list_drafts, create_draft, get_draft, save_draft,
    submit_draft, approve_draft, send_back_draft, publish_draft,
)})
