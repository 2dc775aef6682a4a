import pytest

from beian.accounts.jurisdiction import agencies_in_scope, can_manage_accounts_of, divisions_in_scope
from beian.accounts.models import User
from beian.core.models import Agency

pytestmark = pytest.mark.django_db
Role = User.Role


def codes(queryset):
    return set(queryset.values_list("code", flat=True))


def test_a_reviewer_sees_only_their_own_agency(staff):
    reviewer = staff(Role.REVIEWER, "330106")
    assert codes(agencies_in_scope(reviewer)) == {"330106"}
    assert codes(divisions_in_scope(reviewer)) == {"330106"}


def test_a_city_supervisor_sees_the_city_and_every_county_below_it_but_no_other_city(staff):
    supervisor = staff(Role.SUPERVISOR, "330100")
    scope = codes(agencies_in_scope(supervisor))
    assert {"330100", "330106", "330102"} <= scope
    assert "330200" not in scope and "330000" not in scope
    assert all(code.startswith("3301") for code in scope)
    assert codes(Agency.objects.filter(parent__code="330100")) | {"330100"} == scope


def test_a_provincial_supervisor_reaches_counties_two_levels_down(staff):
    supervisor = staff(Role.SUPERVISOR, "330000")
    scope = codes(agencies_in_scope(supervisor))
    assert {"330000", "330100", "330106", "330200"} <= scope
    assert scope == codes(Agency.objects.filter(code__startswith="33"))


def test_counties_directly_under_a_province_are_in_the_provincial_scope(staff):
    # Hainan's province-administered counties (469xxx) hang directly under the provincial corps.
    direct = Agency.objects.filter(level="county", parent__level="province").first()
    assert direct is not None
    supervisor = staff(Role.SUPERVISOR, direct.parent.code)
    assert agencies_in_scope(supervisor).filter(pk=direct.pk).exists()


def test_the_supervisor_scope_is_one_query(staff, django_assert_num_queries):
    supervisor = staff(Role.SUPERVISOR, "330000")
    with django_assert_num_queries(1):
        assert len(list(agencies_in_scope(supervisor))) > 50


def test_supervisor_divisions_include_groupings_and_counties_below(staff):
    supervisor = staff(Role.SUPERVISOR, "330100")
    divisions = codes(divisions_in_scope(supervisor))
    assert {"330100", "330106"} <= divisions
    assert "330200" not in divisions


def test_administrators_and_auditors_have_no_review_jurisdiction(staff):
    for role in (Role.SYSTEM_ADMINISTRATOR, Role.SECURITY_ADMINISTRATOR, Role.AUDITOR, Role.APPLICANT):
        assert not agencies_in_scope(staff(role)).exists()


def test_who_may_manage_accounts_of_an_agency(staff):
    county = Agency.objects.get(code="330106")
    other_city = Agency.objects.get(code="330200")
    city_supervisor = staff(Role.SUPERVISOR, "330100")
    assert can_manage_accounts_of(city_supervisor, county)
    assert not can_manage_accounts_of(city_supervisor, other_city)
    assert not can_manage_accounts_of(staff(Role.SUPERVISOR, "330106"), Agency.objects.get(code="330100"))
    assert can_manage_accounts_of(staff(Role.SECURITY_ADMINISTRATOR), other_city)
    assert not can_manage_accounts_of(staff(Role.REVIEWER, "330100"), county)
    assert not can_manage_accounts_of(staff(Role.SYSTEM_ADMINISTRATOR), county)
