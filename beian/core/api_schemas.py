"""The error answers every API operation can give, shared by the API apps (beian.api) and the import
endpoints of the apps below it (beian.unregistered, beian.legacy): kept here, below them all."""

from ninja import Schema


class ErrorDetail(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    detail: list[ErrorDetail]


def with_request_errors(responses: dict) -> dict:
    """An operation's answers plus those any request can get: 400 (a body that cannot be read) and
    413 (a body over the size limit, refused before it is read)."""
    return {400: ErrorOut, 413: ErrorOut, **responses}
