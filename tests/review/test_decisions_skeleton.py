"""The steps around every decision (beian.review.decisions), tested without a subject app: the subject
is an Agency row whose own pk is its agency and whose `active` flag says whether it can be decided."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_fsm import TransitionNotAllowed

from beian.core.models import Agency
from beian.review.decisions import deciding, joined_reasons, require_reasons
from beian.review.services import ReviewActionRefused

pytestmark = pytest.mark.django_db


def _deciding(subject, actor, **options):
    return deciding(Agency, subject.pk, actor=actor, agency_of=lambda agency: agency.pk, **options)


@pytest.fixture
def xihu(reference_data):
    return Agency.objects.get(code="330106")


class Unrelated(Exception):
    pass


@pytest.mark.parametrize(("role", "agency_code"), [("reviewer", "330106"), ("supervisor", "330100")])
def test_police_of_the_jurisdiction_get_the_subject(xihu, staff, role, agency_code):
    actor = staff(role, agency_code)
    with transaction.atomic(), _deciding(xihu, actor, decidable=lambda agency: agency.active) as got:
        assert got == xihu
        assert got is not xihu  # read again under the lock, not the caller's copy


def test_a_reviewer_of_another_agency_is_refused(xihu, staff):
    with pytest.raises(PermissionDenied), transaction.atomic(), _deciding(xihu, staff("reviewer", "110105")):
        pytest.fail("the block must not run")


def test_an_applicant_is_refused_before_anything_is_locked(xihu, staff, django_assert_num_queries):
    applicant = staff("applicant")
    with django_assert_num_queries(0), pytest.raises(PermissionDenied), _deciding(xihu, applicant):
        pytest.fail("the block must not run")


def test_a_subject_no_longer_decidable_was_decided_elsewhere(xihu, staff):
    Agency.objects.filter(pk=xihu.pk).update(active=False)
    with pytest.raises(ReviewActionRefused, match="decided a moment ago by someone else"):
        with transaction.atomic(), _deciding(xihu, staff("reviewer", "330106"),
                                             decidable=lambda agency: agency.active):
            pytest.fail("the block must not run")


def test_a_refused_transition_of_the_subject_was_decided_elsewhere(xihu, staff):
    with pytest.raises(ReviewActionRefused, match="decided a moment ago") as refused:
        with transaction.atomic(), _deciding(xihu, staff("reviewer", "330106")) as subject:
            raise TransitionNotAllowed("Can't switch from state 'approved'", object=subject, method=None)
    assert isinstance(refused.value.__cause__, TransitionNotAllowed)


def test_the_kind_may_word_its_own_refusal(xihu, staff):
    with pytest.raises(Unrelated), transaction.atomic():
        with _deciding(xihu, staff("reviewer", "330106"), refusal=Unrelated) as subject:
            raise TransitionNotAllowed("no", object=subject, method=None)


def test_refused_transitions_of_other_objects_and_other_errors_pass_unchanged(xihu, staff):
    reviewer = staff("reviewer", "330106")
    with pytest.raises(TransitionNotAllowed), transaction.atomic(), _deciding(xihu, reviewer):
        raise TransitionNotAllowed("the website's own", object=Agency(), method=None)
    with pytest.raises(Unrelated), transaction.atomic(), _deciding(xihu, reviewer):
        raise Unrelated


def test_reasons_are_joined_in_chinese_for_the_notice():
    reasons = [{"code": "photo", "text_zh": "照片不清晰", "text_en": "Photo unclear"},
               {"code": "typed", "text": "域名无法访问"}]
    assert joined_reasons(reasons) == "照片不清晰；域名无法访问"
    assert joined_reasons([]) == ""


def test_a_return_needs_a_reason():
    with pytest.raises(ReviewActionRefused, match="at least one reason for returning"):
        require_reasons([])
    with pytest.raises(ReviewActionRefused, match="for rejecting"):
        require_reasons((), "Choose at least one reason for rejecting.")
    require_reasons([{"code": "photo"}])
