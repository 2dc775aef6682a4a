"""{% badge_kit website %}: the filing code section (preview, HTML / plain text / Markdown, copy and
download) — on the sponsor's filed website page and on the public badge page."""

from django import template

from beian.public import badge

register = template.Library()


@register.inclusion_tag("public/badge_kit.html", takes_context=True)
def badge_kit(context, website=None, record=None):
    """Either a filed Website (the sponsor's page) or the public record data (the badge page)."""
    number = website.record_number if website is not None else record["record_number"]
    text = website.record_number_text if website is not None else record["record_number_text"]
    return {"code": badge.filing_code(context["request"], number, text), "record_number": number,
            "badge_svg": badge.BADGE_SVG, "badge_png": badge.BADGE_PNG}
