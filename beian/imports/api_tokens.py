"""The agencies' API tokens of the import APIs: issued, revoked and checked through the generic
bearer-token functions (beian.core.bearer_tokens, ADR 0098)."""

from django.conf import settings

from beian.core import bearer_tokens
from beian.core.models import Agency
from beian.imports.models import ApiToken


def create_api_token(*, agency: Agency, name: str = "", actor=None, valid_days: int | None = None,
                     client_address: str | None = None) -> tuple[ApiToken, str]:
    """A new token for `agency` (valid API_TOKEN_VALID_DAYS unless told); returns (row, the token
    text). The text is not stored anywhere."""
    return bearer_tokens.issue(ApiToken, actor=actor, name=name, client_address=client_address,
                               valid_days=valid_days or settings.API_TOKEN_VALID_DAYS, agency=agency)


def revoke_api_token(*, token: ApiToken, actor, client_address: str | None = None) -> bool:
    return bearer_tokens.revoke(token=token, actor=actor, client_address=client_address)


def token_for(text: str) -> ApiToken | None:
    """The active token with this text, or None. Notes its use."""
    return bearer_tokens.authenticate(ApiToken.objects.select_related("agency"), text)
