"""A new picture for the human check without posting the form: the picture itself is a button
(accounts/human-check.js) that asks this view for a fresh challenge and swaps the picture and its hidden
key. Without JavaScript the "Show another picture" button of the form does the same by posting it.

GET, like the form page that also creates a challenge each time it is shown; every answer is one try,
so a new picture gives nothing a new page load would not.
"""

from captcha.models import CaptchaStore
from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@login_not_required
@never_cache
@require_GET
def new_picture(request):
    key = CaptchaStore.generate_key()
    return JsonResponse({"key": key, "image_url": reverse("captcha-image", kwargs={"key": key})})
