"""Changes of filing information (SPEC §4.5): prefilled draft, same rules, diff for the reviewer,
approval keeps the record number, return and resubmission, domains held correctly."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from beian.filings import changes, services
from beian.filings.models import DomainHold, Website, WebsiteApplication
from beian.filings.review_kind import comparisons
from beian.notifications.models import OutboxMessage
from beian.review.models import ReviewItem
from beian.review.services import ReviewActionRefused
from tests.factories import make_reviewer
from tests.filings import helpers
from tests.filings.test_decisions import REASONS

pytestmark = pytest.mark.django_db
Status = WebsiteApplication.Status


@pytest.fixture
def website(sponsor, reviewer):
    application = helpers.submitted_application(sponsor)
    return services.approve_application(actor=reviewer, application=application)


def save(change, step, data):
    return services.save_draft_step(actor=change.owner, application=change, step=step, data=data,
                                    version=change.version)


def resubmit_with(change, **basic):
    change = save(change, "basic", basic)
    change = save(change, "prompt", {"agreement_accepted": True})
    services.submit_application(actor=change.owner, application=change)
    change.refresh_from_db()
    return change


def test_a_change_starts_as_a_copy_of_the_filed_answers(website):
    change = changes.start_change(actor=website.sponsor.owner, website=website)
    filed = website.application
    assert change.kind == WebsiteApplication.Kind.CHANGE and change.website == website
    assert change.status == Status.DRAFT
    assert (change.name, change.domain_list, change.ips) == (filed.name, filed.domain_list, filed.ips)
    assert change.leaders.count() == 2 and change.leader_documents.count() == 2
    assert set(change.leader_documents.values_list("file", flat=True)).isdisjoint(
        filed.leader_documents.values_list("file", flat=True))  # copies, never shared files
    assert change.base_snapshot["name"] == filed.name
    assert change.agreement_accepted_at is None  # the notice is accepted again


def test_approved_change_keeps_the_record_number_and_updates_the_record(website, reviewer):
    number = website.record_number
    change = changes.start_change(actor=website.sponsor.owner, website=website)
    change = resubmit_with(change, name="云景科技新官网")
    item = ReviewItem.objects.get(kind="change")
    assert item.agency_id == website.agency_id and item.search_keys.filter(key=f"record:{number}").exists()
    website.refresh_from_db()
    assert website.name == "云景科技官网"  # the record stays as filed while the change is reviewed
    updated = services.approve_application(actor=reviewer, application=change)
    assert updated.pk == website.pk and updated.record_number == number
    assert updated.name == "云景科技新官网" and updated.current_application == change
    assert Website.objects.count() == 1
    assert OutboxMessage.objects.filter(template="website_change_approved").exists()
    # The next change starts from the changed data.
    assert changes.start_change(actor=website.sponsor.owner, website=updated).name == "云景科技新官网"


def test_reviewer_sees_the_field_by_field_diff_of_a_change(website):
    change = changes.start_change(actor=website.sponsor.owner, website=website)
    change = save(change, "basic", {"name": "云景科技新官网", "ips": ["121.40.18.8"]})
    found = {row.key: row for row in comparisons(change)["changes_to_filed"]}
    assert set(found) == {"name", "ips"}
    assert (found["name"].before, found["name"].after) == ("云景科技官网", "云景科技新官网")
    assert comparisons(change)["changes_since_return"] is None


def test_a_second_open_change_and_a_change_of_a_cancelled_website_are_refused(website):
    changes.start_change(actor=website.sponsor.owner, website=website)
    with pytest.raises(changes.ChangeRefused):
        changes.start_change(actor=website.sponsor.owner, website=website)
    other = helpers.approved_sponsor()
    with pytest.raises(Website.DoesNotExist):
        changes.start_change(actor=other.owner, website=website)
    with pytest.raises(PermissionDenied):
        changes.start_change(actor=make_reviewer(), website=website)


def test_cancelled_website_cannot_be_changed(website):
    website.cancel()
    website.save()
    with pytest.raises(changes.ChangeRefused):
        changes.start_change(actor=website.sponsor.owner, website=website)


def test_change_keeps_its_own_domains_and_moves_holds_on_approval(website, reviewer):
    old_domain = website.main_domain
    change = changes.start_change(actor=website.sponsor.owner, website=website)
    change = resubmit_with(change, main_domain="yunjing-new.cn", other_domains=[old_domain])
    assert DomainHold.objects.get(name="yunjing-new.cn").application == change
    assert DomainHold.objects.get(name=old_domain).application == website.application  # until approval
    services.approve_application(actor=reviewer, application=change)
    assert set(DomainHold.objects.filter(application=change).values_list("name", flat=True)) == {
        "yunjing-new.cn", old_domain}
    assert not DomainHold.objects.filter(application=website.application).exists()


def test_change_dropping_a_domain_frees_it(website, reviewer):
    old_domain = website.main_domain
    change = changes.start_change(actor=website.sponsor.owner, website=website)
    change = resubmit_with(change, main_domain="yunjing-other.cn")
    services.approve_application(actor=reviewer, application=change)
    assert not DomainHold.objects.filter(name=old_domain).exists()


def test_change_may_not_take_a_domain_filed_by_another_website(website, sponsor):
    other = helpers.submitted_application(helpers.approved_sponsor())
    change = changes.start_change(actor=website.sponsor.owner, website=website)
    change = save(change, "basic", {"main_domain": other.main_domain})
    save(change, "prompt", {"agreement_accepted": True})
    with pytest.raises(services.SubmissionBlocked) as blocked:
        services.submit_application(actor=change.owner, application=change)
    assert [p.rule for p in blocked.value.problems] == ["domain.already_filed"]


def test_returned_change_is_corrected_and_the_reviewer_sees_what_was_corrected(website, reviewer):
    change = changes.start_change(actor=website.sponsor.owner, website=website)
    change = resubmit_with(change, name="云景新站")
    services.return_application(actor=reviewer, application=change, reasons=REASONS)
    change.refresh_from_db()
    assert change.status == Status.RETURNED and change.returned_snapshot["name"] == "云景新站"
    change = resubmit_with(change, name="云景科技新站")
    since_return = comparisons(change)["changes_since_return"]
    assert [(row.key, row.before, row.after) for row in since_return] == [
        ("name", "云景新站", "云景科技新站")]
    website.refresh_from_db()
    assert website.name == "云景科技官网"


def test_withdrawn_change_releases_only_its_own_domains(website):
    change = changes.start_change(actor=website.sponsor.owner, website=website)
    change = resubmit_with(change, other_domains=["yunjing-extra.cn"])
    services.withdraw_application(actor=change.owner, application=change)
    assert not DomainHold.objects.filter(name="yunjing-extra.cn").exists()
    assert DomainHold.objects.filter(name=website.main_domain, application=website.application).exists()


def test_change_adding_interactive_services_needs_an_inspection(website, reviewer):
    change = changes.start_change(actor=website.sponsor.owner, website=website)
    change = resubmit_with(change, interactive=True, interactive_services=["comments"])
    assert change.needs_inspection
    with pytest.raises(ReviewActionRefused):
        services.approve_application(actor=reviewer, application=change)


def test_change_of_an_interactive_website_keeping_its_services_needs_no_new_inspection(website):
    filed = website.application
    WebsiteApplication.objects.filter(pk=filed.pk).update(interactive=True, interactive_services=["comments"])
    change = changes.start_change(actor=website.sponsor.owner, website=website)
    assert change.interactive and not change.needs_inspection
    change.interactive_services = ["comments", "forum"]
    assert change.needs_inspection


def test_change_pages_for_the_applicant(client, website):
    client.force_login(website.sponsor.owner)
    listing = client.get(reverse("filings:changes"))
    assert listing.status_code == 200 and website.record_number_text in listing.content.decode()
    response = client.post(reverse("filings:start_change", args=[website.pk]))
    change = WebsiteApplication.objects.get(kind=WebsiteApplication.Kind.CHANGE)
    assert response.status_code == 302 and response["Location"] == reverse("filings:step",
                                                                             args=[change.pk, "basic"])
    page = client.get(response["Location"]).content.decode()
    assert website.record_number_text in page  # "record … stays valid"
    again = client.post(reverse("filings:start_change", args=[website.pk]), follow=True)
    assert WebsiteApplication.objects.filter(kind="change").count() == 1
    assert "already open" in again.content.decode() or "已有" in again.content.decode()


def test_another_applicant_cannot_start_a_change(client, website):
    client.force_login(helpers.approved_sponsor().owner)
    assert client.post(reverse("filings:start_change", args=[website.pk])).status_code == 404
    assert not WebsiteApplication.objects.filter(kind="change").exists()


def test_change_of_a_website_cancelled_meanwhile_cannot_be_approved(website, reviewer):
    change = resubmit_with(changes.start_change(actor=website.sponsor.owner, website=website), name="新名")
    website.cancel()
    website.save()
    with pytest.raises(ReviewActionRefused):
        services.approve_application(actor=reviewer, application=change)
    change.refresh_from_db()
    assert change.status == Status.SUBMITTED
