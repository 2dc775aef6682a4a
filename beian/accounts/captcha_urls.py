"""django-simple-captcha's picture URLs, public: the sign-in and registration pages show them to
visitors. Wrapped with login_not_required because LoginRequiredMiddleware denies by default. The
audio (needs flite) is not used (ADR 0020); a new picture comes from the platform's own view, which
answers only with a picture (beian.accounts.views.new_picture)."""

from captcha import urls as captcha_urls
from django.contrib.auth.decorators import login_not_required
from django.urls import path, re_path

from beian.accounts.views.new_picture import new_picture

PUBLIC_CAPTCHA_URLS = {"captcha-image", "captcha-image-2x"}

urlpatterns = [
    re_path(pattern.pattern.regex.pattern, login_not_required(pattern.callback),
            kwargs=pattern.default_args, name=pattern.name)
    for pattern in captcha_urls.urlpatterns if pattern.name in PUBLIC_CAPTCHA_URLS
] + [path("new", new_picture, name="captcha-new")]
