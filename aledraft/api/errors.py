"""Errors only the JSON API raises; the app's handlers answer them as {"error": {"code", "message"}}."""
from aledraft.errors import DomainError


class InvalidJson(DomainError):
    status = 400
    code = "invalid_json"
    default_message = "Innehållet är inte giltig JSON."


class PayloadTooLarge(DomainError):
    status = 413
    code = "payload_too_large"
    default_message = "Begäran är för stor."


class UnsupportedMediaType(DomainError):
    status = 415
    code = "unsupported_media_type"
    default_message = "Skicka innehållet som JSON med Content-Type: application/json."
