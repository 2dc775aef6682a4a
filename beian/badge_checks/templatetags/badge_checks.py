"""{% badge_check_panel website %}: the latest badge check on the sponsor's filed website page, with
the re-check button."""

from django import template

from beian.badge_checks import selectors

register = template.Library()


@register.inclusion_tag("badge_checks/website_panel.html", takes_context=True)
def badge_check_panel(context, website):
    return {"website": website, "check": selectors.latest_for_website(website),
            "csrf_token": context.get("csrf_token")}
