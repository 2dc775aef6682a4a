"""The staff home page's list of face reviews and on-site inspections booked for today and tomorrow
(registered in InspectionsConfig.ready(), ADR 0111): those held by the signed-in reviewer or filed
with their agency, read through beian.inspections.selectors in their jurisdiction."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from beian.accounts.models import User
from beian.inspections.selectors import booked_slots_for_police
from beian.staff.home_sections import HomeSection, register

DAYS_SHOWN = 2  # today and tomorrow


def upcoming_appointments(user, today: datetime.date) -> dict:
    tomorrow = today + datetime.timedelta(days=1)
    days = {today: [], tomorrow: []}
    for slot in booked_slots_for_police(user, first_day=today, days=DAYS_SHOWN):
        days[timezone.localdate(slot.starts_at)].append(slot)
    return {"today_slots": days[today], "tomorrow_slots": days[tomorrow],
            "days": [({"label": _("Today"), "date": today}, days[today]),
                     ({"label": _("Tomorrow"), "date": tomorrow}, days[tomorrow])]}


def register_sections() -> None:
    register(HomeSection(name="inspections_upcoming", roles=tuple(User.POLICE_ROLES),
                         template="inspections/home_appointments.html", context=upcoming_appointments,
                         position=20))
