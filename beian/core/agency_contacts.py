"""What a message to an applicant says about the filing agency (SPEC §3 and §9).

Message templates include `includes/agency_contact.txt` with this context: it gives the agency's
telephone when there is one and otherwise names the agency to ask, so that no message ends with an
empty "Questions:" while an agency has not entered its number yet.
"""

from beian.core.models import Agency


def contact_context(agency: Agency | None) -> dict:
    """Plain values (they are stored with the SMS): the agency's Chinese name and its telephone."""
    if agency is None:
        return {"agency": "", "telephone": ""}
    return {"agency": agency.name_zh, "telephone": agency.telephone}
