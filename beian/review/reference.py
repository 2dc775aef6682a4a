"""The review app's reference data: the catalogue of return reasons (SPEC §5), shipped in
beian/core/reference/data/codes.json and loaded by `manage.py load_reference_data` through
beian.core.reference.loader.reference_loaders (registered in this app's ready())."""

from beian.review.models import ReturnReason


def load_return_reasons(codes: dict) -> int:
    reasons = codes["return_reasons"]
    for position, item in enumerate(reasons):
        # Only added when missing: administrators word and retire reasons themselves.
        ReturnReason.objects.get_or_create(code=item["code"], defaults={
            "text_zh": item["zh"], "text_en": item["en"], "field": item["field"],
            "kinds": item["kinds"], "position": position})
    return len(reasons)
