"""All configuration of the platform, read from the environment in this one module.

The embedded default (no variables set) runs on SQLite under var/ with local private uploads and
the development SMS backend; production sets DATABASE_URL, CACHE_URL, SECRET_KEY, PII_KEY and HTTPS.
A missing or malformed value stops start-up with ImproperlyConfigured naming the variable.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from beian.local_secrets import local_secret

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("BEIAN_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")


def _read(name, reader, **kwargs):
    """Read one variable; turn any parse error into a message that names it."""
    try:
        return reader(name, **kwargs)
    except ImproperlyConfigured:
        raise
    except Exception as exc:  # noqa: BLE001 - every parse error becomes one clear message
        raise ImproperlyConfigured(f"Environment variable {name} is malformed: {exc}") from exc


def _strict_bool(name, default):
    raw = env.str(name, default="").strip().lower()
    if raw == "":
        return default
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"Environment variable {name} must be true or false, not {raw!r}.")


DEBUG = _strict_bool("DEBUG", False)
# HTTPS=true in production: secure cookies, HSTS, redirect to https.
HTTPS = _strict_bool("HTTPS", False)
SECRET_KEY = env.str("SECRET_KEY", default="") or local_secret(VAR_DIR / "secret_key.txt", 50)
ALLOWED_HOSTS = _read("ALLOWED_HOSTS", env.list, default=["127.0.0.1", "localhost", "testserver"])
# Number of reverse proxies in front of the web processes whose X-Forwarded-For is believed.
TRUSTED_PROXY_COUNT = _read("TRUSTED_PROXY_COUNT", env.int, default=0)
CSRF_TRUSTED_ORIGINS = _read("CSRF_TRUSTED_ORIGINS", env.list, default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "beian.core",
    "beian.accounts",
    "beian.notifications",
    "beian.public",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "beian.urls"
WSGI_APPLICATION = "beian.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "beian" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    },
]

DATABASES = {
    "default": _read("DATABASE_URL", env.db_url, default=f"sqlite:///{VAR_DIR / 'beian.sqlite3'}"),
}
if DATABASES["default"].get("ENGINE") not in {"django.db.backends.sqlite3", "django.db.backends.postgresql"}:
    raise ImproperlyConfigured(
        "Environment variable DATABASE_URL must start with sqlite:/// or postgres://, "
        f"got {env.str('DATABASE_URL', default='')!r}.")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the task worker read while the other writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "timeout": 20,
         "transaction_mode": "IMMEDIATE"}
    )
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": _read("CACHE_URL", env.cache_url,
                     default="dbcache://beian_cache"),
}

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "public:landing"
LOGOUT_REDIRECT_URL = "public:landing"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "beian" / "locale", BASE_DIR / "beian" / "rules" / "locale"]
USE_I18N = True
# Stored in UTC; shown and counted in China Standard Time (ARCHITECTURE: due dates use the local date).
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "beian" / "static"]
STORAGES = {
    # Uploads (ID photos, licences) are private: never under STATIC or a web root.
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(VAR_DIR / "private"), "base_url": None},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "private"
WHITENOISE_MAX_AGE = 3600

TASKS = {"default": {"BACKEND": _read("TASKS_BACKEND", env.str,
                                        default="django_tasks_db.DatabaseBackend")}}

# Security headers and cookies (SPEC §8).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# Personal data protection: one key, from which the encryption and search-hash keys are derived.
PII_KEY = env.str("PII_KEY", default="") or local_secret(VAR_DIR / "pii_key.txt", 44)

# Business settings (SPEC: configurable).
REVIEW_DEADLINE_WORKING_DAYS = _read("REVIEW_DEADLINE_WORKING_DAYS", env.int, default=21)
LATE_FILING_DAYS = _read("LATE_FILING_DAYS", env.int, default=30)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}
