"""Issue 14 item 11: agencies' API tokens are named, expire, show their last use, and are listed and
revoked by the security administrator (page and commands), audited; only a hash is stored."""

import datetime
import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from beian.core import bearer_tokens
from beian.core.models import Agency, AuditEntry
from beian.imports.api_tokens import create_api_token, token_for
from beian.imports.models import ApiToken
from tests.factories import make_staff, sign_in_verified
from tests.unregistered.helpers import post_json, row

URL = "/api/v1/unregistered-websites"
LIST = "/staff/api-tokens/"
pytestmark = pytest.mark.usefixtures("reference_data")


def _agency(code="110105"):
    return Agency.objects.get(code=code)


def _imports(client, token) -> int:
    return post_json(client, URL, {"websites": [row()]}, token).status_code


def test_only_a_hash_is_stored_and_a_token_expires(client, settings):
    settings.API_TOKEN_VALID_DAYS = 30
    token, text = create_api_token(agency=_agency(), name="crawler")
    stored = ApiToken.objects.filter(pk=token.pk).values()[0]
    assert text not in {str(value) for value in stored.values()}
    assert token.token_hash == hashlib.sha256(text.encode()).hexdigest()
    assert token.expires_at - token.created_at == datetime.timedelta(days=30)
    assert _imports(client, text) == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert _imports(client, text) == 401
    assert ApiToken.objects.get(pk=token.pk).state() == ApiToken.State.EXPIRED


def test_a_token_from_before_expiry_keeps_working(client):
    """Tokens created before this change have no expiry and were already stored as their SHA-256."""
    text = "bu_" + "x" * 43
    ApiToken.objects.create(agency=_agency(), prefix=text[:10], name="old",
                            token_hash=hashlib.sha256(text.encode()).hexdigest())
    assert _imports(client, text) == 200


def test_the_last_use_is_written_at_most_once_a_minute():
    token, text = create_api_token(agency=_agency())
    assert token_for(text).last_used_at is not None
    first = ApiToken.objects.get(pk=token.pk).last_used_at
    token_for(text)
    assert ApiToken.objects.get(pk=token.pk).last_used_at == first
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - bearer_tokens.LAST_USE_PRECISION)
    token_for(text)
    assert ApiToken.objects.get(pk=token.pk).last_used_at > first


def test_commands_list_and_revoke_without_ever_showing_a_token(client):
    out = StringIO()
    call_command("create_api_token", "110105", "--name", "crawler", "--days", "10", stdout=out,
                 stderr=StringIO())
    text = out.getvalue().strip()
    token = ApiToken.objects.get()
    assert token.expires_at - token.created_at == datetime.timedelta(days=10)
    out = StringIO()
    call_command("list_api_tokens", stdout=out)
    listing = out.getvalue()
    assert token.prefix in listing and "crawler" in listing and "active" in listing and text not in listing
    out = StringIO()
    call_command("revoke_api_token", token.prefix, stdout=out)
    assert "revoked" in out.getvalue()
    assert _imports(client, text) == 401
    entry = AuditEntry.objects.get(action="api_token_revoked")
    assert entry.object_id == str(token.pk) and entry.details["prefix"] == token.prefix
    out = StringIO()
    call_command("list_api_tokens", "--active", stdout=out)
    assert token.prefix not in out.getvalue()
    with pytest.raises(CommandError, match="No API token"):
        call_command("revoke_api_token", "bu_nothing")
    with pytest.raises(CommandError, match="between"):
        call_command("create_api_token", "110105", "--days", "0")


def test_a_prefix_shared_by_two_tokens_must_be_named_by_id():
    first, _ = create_api_token(agency=_agency())
    second, _ = create_api_token(agency=_agency())
    ApiToken.objects.filter(pk=second.pk).update(prefix=first.prefix)
    with pytest.raises(CommandError, match="name one by id"):
        call_command("revoke_api_token", first.prefix)
    call_command("revoke_api_token", str(second.pk), stdout=StringIO())
    assert ApiToken.objects.get(pk=second.pk).revoked_at and not ApiToken.objects.get(pk=first.pk).revoked_at


def test_the_security_administrator_lists_creates_and_revokes_on_the_page(client):
    security = make_staff("security_administrator")
    old, old_text = create_api_token(agency=_agency("110000"), name="province crawler")
    sign_in_verified(client, security)
    page = client.get(LIST, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert old.prefix in page and "province crawler" in page and old_text not in page

    response = client.post(LIST, {"agency_code": "110105", "name": "district system", "valid_days": "90"},
                           HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    new = ApiToken.objects.get(name="district system")
    text = response.content.decode().split('<code class="token-text">')[1].split("</code>")[0]
    assert text.startswith(new.prefix) and token_for(text) == new
    assert new.created_by == security and new.expires_at - new.created_at == datetime.timedelta(days=90)
    created = AuditEntry.objects.get(action="api_token_created", object_id=str(new.pk))
    assert created.actor == security and created.client_address == "127.0.0.1"
    assert text not in client.get(LIST).content.decode(), "shown once"

    confirm = client.get(f"{LIST}{old.pk}/revoke/")
    assert confirm.status_code == 200 and old.prefix in confirm.content.decode()
    assert ApiToken.objects.get(pk=old.pk).revoked_at is None, "a GET only asks"
    response = client.post(f"{LIST}{old.pk}/revoke/")
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.revoked_by == security and _imports(client, old_text) == 401
    assert AuditEntry.objects.get(action="api_token_revoked").actor == security
    client.post(f"{LIST}{old.pk}/revoke/")
    assert AuditEntry.objects.filter(action="api_token_revoked").count() == 1, "revoking twice is once"
    assert client.get(f"{LIST}999999/revoke/").status_code == 404


def test_a_wrong_creation_form_is_explained(client):
    sign_in_verified(client, make_staff("security_administrator"))
    response = client.post(LIST, {"agency_code": "999999", "name": "", "valid_days": "100000"},
                           HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 200 and not ApiToken.objects.exists()
    assert "No agency has the code 999999" in page and "This field is required" in page


@pytest.mark.parametrize("role", ["system_administrator", "auditor", "supervisor"])
def test_other_roles_may_not_manage_tokens(client, role):
    token, _ = create_api_token(agency=_agency())
    sign_in_verified(client, make_staff(role, "330100" if role == "supervisor" else None))
    assert client.get(LIST).status_code == 403
    assert client.post(LIST, {"agency_code": "110105", "name": "x", "valid_days": "1"}).status_code == 403
    assert client.post(f"{LIST}{token.pk}/revoke/").status_code == 403
    assert not ApiToken.objects.filter(revoked_at__isnull=False).exists() and ApiToken.objects.count() == 1
