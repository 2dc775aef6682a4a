"""django-simple-captcha's picture URLs, public: the sign-in and registration pages show them to
visitors. Wrapped with login_not_required because LoginRequiredMiddleware denies by default. The
audio (needs flite) and the JavaScript refresh are not used: see ADR 0020."""

from captcha import urls as captcha_urls
from django.contrib.auth.decorators import login_not_required
from django.urls import re_path

PUBLIC_CAPTCHA_URLS = {"captcha-image", "captcha-image-2x"}

urlpatterns = [
    re_path(pattern.pattern.regex.pattern, login_not_required(pattern.callback),
            kwargs=pattern.default_args, name=pattern.name)
    for pattern in captcha_urls.urlpatterns if pattern.name in PUBLIC_CAPTCHA_URLS
]
