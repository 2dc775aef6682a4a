"""One error shape for the whole API."""

from django.utils.translation import gettext as _


def error_body(field: str, message: str) -> dict:
    return {"detail": [{"field": field, "message": message}]}


def dotted_path(location) -> str:
    """('body', 'payload', 'website', 'domains', 0) → 'website.domains[0]'."""
    # pydantic names the members of a union it tried ("literal['long_term']"): not a field.
    parts = [part for part in location if part not in ("body", "payload", "query", "path")
             and (isinstance(part, int) or part.isidentifier())]
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


_MESSAGES = {
    "missing": lambda e: _("This field is required."),
    "extra_forbidden": lambda e: _("This field is not part of the document; check its spelling."),
    "string_type": lambda e: _("Expected text."),
    "bool_type": lambda e: _("Expected true or false."),
    "list_type": lambda e: _("Expected a list."),
    "model_type": lambda e: _("Expected an object."),
    "dict_type": lambda e: _("Expected an object."),
    "date_type": lambda e: _("Expected a date written YYYY-MM-DD."),
    "date_from_datetime_parsing": lambda e: _("Expected a date written YYYY-MM-DD."),
    "date_parsing": lambda e: _("Expected a date written YYYY-MM-DD."),
    "string_too_long": lambda e: _("This text is too long (at most %(max)s characters).") % {
        "max": e.get("ctx", {}).get("max_length", "")},
    "too_long": lambda e: _("This list is too long (at most %(max)s items).") % {
        "max": e.get("ctx", {}).get("max_length", "")},
    "literal_error": lambda e: _("Not one of the allowed values: %(expected)s.") % {
        "expected": e.get("ctx", {}).get("expected", "")},
}


def validation_details(errors) -> list[dict]:
    details = []
    for error in errors:
        explain = _MESSAGES.get(error.get("type", ""))
        message = explain(error) if explain else _("This value is not valid: %(reason)s.") % {
            "reason": error.get("msg", "")}
        details.append({"field": dotted_path(error.get("loc", ())), "message": message})
    return details
