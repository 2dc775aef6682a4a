"""Staff accounts are deactivated, never deleted (issue 15 item 4): their decisions stay attributable."""

import pytest
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from beian.accounts.models import User
from beian.staff.services import deactivate_staff_account
from tests.factories import make_reviewer, make_staff, sign_in_verified


@pytest.mark.parametrize("role", User.STAFF_ROLES)
def test_a_staff_account_without_any_record_still_cannot_be_deleted(reference_data, role):
    account = make_staff(role, "110105" if role in User.POLICE_ROLES else None)
    # Each attempt in a savepoint of its own: a refused delete breaks the transaction it ran in.
    with pytest.raises(ProtectedError), transaction.atomic():
        account.delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        User.objects.filter(pk=account.pk).delete()
    assert User.objects.filter(pk=account.pk).exists()


def test_an_applicant_registration_can_still_be_removed(reference_data):
    pending = User.objects.create_user("never_confirmed", role=User.Role.APPLICANT, is_active=False)
    pending.delete()
    assert not User.objects.filter(username="never_confirmed").exists()


def test_the_django_admin_offers_no_delete_for_accounts(client, reference_data):
    # The operator (`createsuperuser`: a superuser without a staff role) has every right over accounts.
    operator = make_staff("applicant", is_staff=True, is_superuser=True)
    TOTPDevice.objects.create(user=operator, name="operator", confirmed=True)
    reviewer = make_reviewer()
    sign_in_verified(client, operator)
    assert client.get(reverse("admin:accounts_user_delete", args=[reviewer.pk])).status_code == 403
    response = client.post(reverse("admin:accounts_user_changelist"),
                           {"action": "delete_selected", "_selected_action": [reviewer.pk], "post": "yes"})
    assert User.objects.filter(pk=reviewer.pk).exists()
    assert response.status_code in (200, 302)
    change_page = client.get(reverse("admin:accounts_user_change", args=[reviewer.pk])).content.decode()
    assert reverse("admin:accounts_user_delete", args=[reviewer.pk]) not in change_page


def test_deactivation_is_the_way_out(reference_data):
    administrator = make_staff("security_administrator")
    reviewer = make_reviewer()
    deactivate_staff_account(actor=administrator, account=reviewer)
    reviewer.refresh_from_db()
    assert not reviewer.is_active
