"""Domain errors with Swedish messages, and the error pages/JSON they turn into."""
import logging

from flask import jsonify, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


class DomainError(Exception):
    """A refused action; the message is shown to the user as it is."""

    status = 400
    code = "bad_request"
    default_message = "Begäran kunde inte utföras."

    def __init__(self, message: str | None = None, **extra):
        super().__init__(message or self.default_message)
        self.message = message or self.default_message
        #: Extra JSON fields for the API (e.g. the current version on a conflict).
        self.extra = extra


class ValidationFailed(DomainError):
    status = 400
    code = "validation_failed"
    default_message = "Uppgifterna är inte giltiga."


class LoginRequired(DomainError):
    status = 401
    code = "login_required"
    default_message = "Du behöver logga in."


class NotPermitted(DomainError):
    status = 403
    code = "forbidden"
    default_message = "Du har inte behörighet till det här."


class NotFound(DomainError):
    status = 404
    code = "not_found"
    default_message = "Det du söker finns inte."


class InvalidTransition(DomainError):
    status = 409
    code = "invalid_transition"
    default_message = "Det går inte i utkastets nuvarande läge."


class StaleVersion(DomainError):
    status = 409
    code = "stale_version"
    default_message = (
        "Någon annan har sparat en nyare version medan du skrev. "
        "Jämför texterna nedan och spara igen."
    )


class Throttled(DomainError):
    status = 429
    code = "throttled"
    default_message = "För många försök. Vänta en stund och försök igen."


ERROR_MESSAGES = {
    400: ("Felaktig begäran", "Begäran kunde inte tolkas. Kontrollera uppgifterna och försök igen."),
    401: ("Inloggning krävs", "Du behöver logga in för att se sidan."),
    403: ("Ingen behörighet", "Du har inte behörighet till den här sidan."),
    404: ("Sidan finns inte", "Sidan du söker finns inte eller har flyttats."),
    405: ("Metoden stöds inte", "Det går inte att göra så på den här adressen."),
    409: ("Konflikt", "Det du försökte göra krockar med en ändring som redan gjorts."),
    413: ("För stor", "Det du skickade är för stort. Korta texten eller välj en mindre fil."),
    429: ("För många försök", "Vänta en stund och försök igen."),
    500: ("Något gick fel", "Ett oväntat fel inträffade. Inget av det du sparat tidigare har gått förlorat. Försök igen om en stund."),
    503: ("Tjänsten är tillfälligt upptagen", "Databasen svarar inte just nu. Det du skrev har inte sparats – kopiera texten och försök igen om en stund."),
}


def wants_json() -> bool:
    """Return True if the error should be answered as JSON (API paths and JSON clients)."""
    return request.path.startswith("/api/") or (
        request.accept_mimetypes.best == "application/json"
    )


def error_response(status: int, message: str | None = None, code: str | None = None, **extra):
    """Render an error as JSON ({"error": {...}}) or as a Swedish error page."""
    title, default = ERROR_MESSAGES.get(status, ERROR_MESSAGES[500])
    message = message or default
    if wants_json():
        body = {"error": {"code": code or str(status), "message": message, **extra}}
        return jsonify(body), status
    return render_template("errors/error.html", status=status, title=title, message=message), status


def register_error_handlers(app):
    """Map domain errors, HTTP errors, CSRF failures and database outages to Swedish answers."""

    @app.errorhandler(DomainError)
    def handle_domain_error(error: DomainError):
        if isinstance(error, LoginRequired) and not wants_json():
            return redirect(url_for("auth.login", next=request.full_path))
        return error_response(error.status, error.message, error.code, **error.extra)

    @app.errorhandler(CSRFError)
    def handle_csrf_error(error):
        return error_response(
            400,
            "Formuläret hade gått ut eller saknade säkerhetskod. Ladda om sidan och försök igen "
            "– det du skrev finns kvar i webbläsarens lokala kopia.",
            "csrf_failed",
        )

    @app.errorhandler(OperationalError)
    def handle_database_down(error):
        log.exception("database unavailable")
        return error_response(503, code="database_unavailable")

    @app.errorhandler(HTTPException)
    def handle_http_error(error: HTTPException):
        status = error.code or 500
        return error_response(status, code=error.name.lower().replace(" ", "_"))

    @app.errorhandler(Exception)
    def handle_unexpected(error):
        original = getattr(error, "original_exception", error)
        if isinstance(original, OperationalError):
            log.exception("database unavailable", exc_info=original)
            return error_response(503, code="database_unavailable")
        log.exception("unhandled error", exc_info=original)
        return error_response(500, code="internal_error")

