"""All configuration of the platform, read from the environment in this one module.

The embedded default (no variables set) runs on SQLite under var/ with local private uploads and
the development SMS backend; production sets DATABASE_URL, CACHE_URL, SECRET_KEY, PII_KEYS (or the
single PII_KEY), AUDIT_KEY and HTTPS.
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


def _octal(name, default):
    """A file mode written in octal, e.g. 600."""
    return int(env.str(name, default=default), 8)


DEBUG = _strict_bool("DEBUG", False)
# HTTPS=true in production: secure cookies, HSTS, redirect to https.
HTTPS = _strict_bool("HTTPS", False)
SECRET_KEY = env.str("SECRET_KEY", default="") or local_secret(VAR_DIR / "secret_key.txt", 50)
ALLOWED_HOSTS = _read("ALLOWED_HOSTS", env.list, default=["127.0.0.1", "localhost", "testserver"])
# Number of reverse proxies in front of the web processes whose X-Forwarded-For is believed.
TRUSTED_PROXY_COUNT = _read("TRUSTED_PROXY_COUNT", env.int, default=0)
CSRF_TRUSTED_ORIGINS = _read("CSRF_TRUSTED_ORIGINS", env.list, default=[])

INSTALLED_APPS = [
    # The Django admin, with the site that keeps the administrative duties apart (ADR 0030).
    "beian.staff.admin_config.PlatformAdminConfig",
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
    "captcha",
    "ninja",
    "beian.core",
    "beian.accounts",
    "beian.notifications",
    "beian.public",
    "beian.staff",
    "beian.api",
    "beian.review",
    "beian.sponsors",
    "beian.filings",
    "beian.imports",
    "beian.unregistered",
    "beian.badge_checks",
    "beian.legacy",
    "beian.cancellations",
    "beian.inspections",
    "beian.retention",
    "beian.data_rights",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Oversized bodies are refused before anything reads them: before CsrfViewMiddleware (ADR 0096).
    "beian.core.body_limits.RequestBodyLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Staff accounts give their TOTP code before any non-public page (after OTPMiddleware).
    "beian.staff.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "beian.accounts.middleware.IdleTimeoutMiddleware",
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
                "beian.notifications.context_processors.unread_messages",
                "beian.accounts.context_processors.to_do_count",
                "beian.public.context_processors.service_footer",
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
# Keep a worker's connection between requests (checked before reuse): opening one per request costs
# more than a cached record read itself. 0 turns it off (e.g. behind a transaction-mode pooler).
DATABASES["default"]["CONN_MAX_AGE"] = _read("DATABASE_CONN_MAX_AGE", env.int, default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Embedded default: the database cache. Its default of 300 entries would evict public record pages
# faster than badges link to them; 50,000 keeps the hot records while each write's COUNT stays cheap.
# At scale: CACHE_URL=redis://… (ADR 0022, 0080).
CACHES = {
    "default": _read("CACHE_URL", env.cache_url,
                     default="dbcache://beian_cache?max_entries=50000&cull_frequency=4"),
}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "beian.core.redis_cache.RedisCache"  # one client per pool

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
    {"NAME": "beian.accounts.passwords.PlatformPasswordValidator"},
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
# Uploaded files are readable by the service's account only (ADR 0096): 0600 files in 0700 folders;
# the folder itself is made 0700 at start-up. "640"/"750" let a service group (backups) read them.
FILE_UPLOAD_PERMISSIONS = _read("FILE_UPLOAD_PERMISSIONS", _octal, default="600")
FILE_UPLOAD_DIRECTORY_PERMISSIONS = _read("FILE_UPLOAD_DIRECTORY_PERMISSIONS", _octal, default="700")
# Request bodies (ADR 0096): the largest body a page accepts (views may declare more, e.g. the CSV
# imports), the form fields Django keeps in memory, and the file size above which an upload is
# streamed to a temporary file instead of memory. The reverse proxy caps bodies too (README).
REQUEST_MAX_BODY_BYTES = _read("REQUEST_MAX_BODY_BYTES", env.int, default=10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = _read("DATA_UPLOAD_MAX_MEMORY_SIZE", env.int, default=2621440)  # 2.5 MB
FILE_UPLOAD_MAX_MEMORY_SIZE = _read("FILE_UPLOAD_MAX_MEMORY_SIZE", env.int, default=1024 * 1024)
# Uploaded images (ADR 0096, 0109): the images one process decodes at a time. A photo that is stored
# as sent is at most 12.6 megapixels (beian.rules.images.MAX_PIXELS), 48 MiB decoded plus one clean
# copy; a larger one is made smaller, a JPEG decoded at reduced scale (a few MB), a PNG of up to 50
# megapixels in full (192 MiB), so a process needs 100–200 MB more per slot at the very worst.
IMAGE_DECODES_AT_ONCE = _read("IMAGE_DECODES_AT_ONCE", env.int, default=2)
# Photos and scans (ADR 0109): the largest file accepted, made smaller to the stored 512 KB on the
# server when the page's script did not do it already; and the largest body of the pages that take
# photos (sponsor documents, the filing wizard's steps): three photos at the limit and the form.
IMAGE_UPLOAD_MAX_BYTES = _read("IMAGE_UPLOAD_MAX_BYTES", env.int, default=15 * 1024 * 1024)
PHOTO_PAGE_MAX_BODY_BYTES = _read("PHOTO_PAGE_MAX_BODY_BYTES", env.int, default=45 * 1024 * 1024)
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



def _pii_keys() -> tuple[tuple[str, str], ...]:
    """PII_KEYS="2:new-secret,1:old-secret": (key id, secret) pairs, newest first. Without it the one
    PII_KEY (or the secret generated into var/) is the ring, under the id "1"."""
    raw = env.str("PII_KEYS", default="").strip()
    if not raw:
        return (("1", env.str("PII_KEY", default="") or local_secret(VAR_DIR / "pii_key.txt", 44)),)
    keys = []
    for entry in raw.split(","):
        key_id, colon, secret = (part.strip() for part in entry.partition(":"))
        if not colon or not key_id or not secret:
            raise ImproperlyConfigured("Environment variable PII_KEYS is malformed: write id:secret pairs, "
                                       "newest first, separated by commas.")
        keys.append((key_id, secret))
    if len({key_id for key_id, _secret in keys}) != len(keys):
        raise ImproperlyConfigured("Environment variable PII_KEYS is malformed: a key id appears twice.")
    return tuple(keys)


# Personal data protection (ADR 0100): a ring of keys, newest first. The newest encrypts and hashes;
# every key decrypts, and a search tries every key's hash until `manage.py rotate_pii_keys` has moved
# everything onto the newest. From each secret an encryption key and a search-hash key are derived.
PII_KEYS = _pii_keys()

# The audit log (SPEC §8, ADR 0097): HMAC key of its chain, never stored in the database. AUDIT_KEY signs;
# AUDIT_KEY_FALLBACKS (comma-separated, newest first) are earlier keys that still verify what they signed.
# The chain head is exported, signed, every AUDIT_HEAD_EXPORT_SECONDS to AUDIT_HEAD_LOG_PATH and the log.
AUDIT_KEY = env.str("AUDIT_KEY", default="") or local_secret(VAR_DIR / "audit_key.txt", 44)
AUDIT_KEY_FALLBACKS = _read("AUDIT_KEY_FALLBACKS", env.list, default=[])
AUDIT_HEAD_LOG_PATH = Path(_read("AUDIT_HEAD_LOG_PATH", env.str, default=str(VAR_DIR / "audit_heads.jsonl")))
AUDIT_HEAD_EXPORT_SECONDS = _read("AUDIT_HEAD_EXPORT_SECONDS", env.int, default=900)

# Business settings (SPEC: configurable).
REVIEW_DEADLINE_WORKING_DAYS = _read("REVIEW_DEADLINE_WORKING_DAYS", env.int, default=21)
# The queue's counts per option are served from the cache this long (0: counted on every page).
REVIEW_FACET_COUNTS_SECONDS = _read("REVIEW_FACET_COUNTS_SECONDS", env.int, default=60)
LATE_FILING_DAYS = _read("LATE_FILING_DAYS", env.int, default=30)
# The applicant's home lists a sponsor certificate this many days before it expires.
CERTIFICATE_EXPIRY_NOTICE_DAYS = _read("CERTIFICATE_EXPIRY_NOTICE_DAYS", env.int, default=30)
# Unregistered websites (SPEC §4.7): days to file after the import, largest CSV upload accepted.
UNREGISTERED_DEADLINE_DAYS = _read("UNREGISTERED_DEADLINE_DAYS", env.int, default=30)
UNREGISTERED_UPLOAD_MAX_BYTES = _read("UNREGISTERED_UPLOAD_MAX_BYTES", env.int, default=50 * 1024 * 1024)
# Workbench CSV uploads larger than this are imported by a background task (ADR 0061).
IMPORT_BACKGROUND_BYTES = _read("IMPORT_BACKGROUND_BYTES", env.int, default=2 * 1024 * 1024)
LEGACY_DEADLINE_DAYS = _read("LEGACY_DEADLINE_DAYS", env.int, default=30)

# The person's rights (ADR 0103): how long the download link of a copy of one's data works, and how
# many copies an account may ask for in any 24 hours.
DATA_EXPORT_VALID_HOURS = _read("DATA_EXPORT_VALID_HOURS", env.int, default=24)
DATA_EXPORT_REQUESTS_PER_DAY = _read("DATA_EXPORT_REQUESTS_PER_DAY", env.int, default=3)

# Website cancellation (SPEC §4.6, ADR 0070): the probe's timeout per request in seconds, the redirects
# it follows on the same site, and host → "address:port" overrides like curl --resolve
# ("example.cn=127.0.0.1:8080,https://other.cn=10.0.0.5:8443"; empty: DNS, public addresses only).
CANCELLATION_PROBE_TIMEOUT_SECONDS = _read("CANCELLATION_PROBE_TIMEOUT_SECONDS", env.float, default=5.0)
CANCELLATION_PROBE_MAX_REDIRECTS = 3
CANCELLATION_PROBE_RESOLVE = _read("CANCELLATION_PROBE_RESOLVE", env.dict, default={})

# Public records and lookup (SPEC §6, ADR 0080): cache lifetimes in seconds (server cache and the
# Cache-Control sent to browsers and CDNs), lookups per minute per client, and an optional database
# alias (a read replica) for the public reads.
PUBLIC_RECORD_CACHE_SECONDS = _read("PUBLIC_RECORD_CACHE_SECONDS", env.int, default=3600)
PUBLIC_MISSING_CACHE_SECONDS = _read("PUBLIC_MISSING_CACHE_SECONDS", env.int, default=300)
PUBLIC_LOOKUP_CACHE_SECONDS = _read("PUBLIC_LOOKUP_CACHE_SECONDS", env.int, default=60)
PUBLIC_HTTP_MAX_AGE = _read("PUBLIC_HTTP_MAX_AGE", env.int, default=300)
PUBLIC_STATISTICS_CACHE_SECONDS = _read("PUBLIC_STATISTICS_CACHE_SECONDS", env.int, default=3600)
PUBLIC_LOOKUP_RATE_PER_MINUTE = _read("PUBLIC_LOOKUP_RATE_PER_MINUTE", env.int, default=60)
# A read replica for the public reads: PUBLIC_READ_DATABASE_URL=postgres://… (same schema, replicated).
# Tests mirror it onto the default database.
PUBLIC_READ_DATABASE = ""
if _read("PUBLIC_READ_DATABASE_URL", env.str, default=""):
    DATABASES["public_read"] = {
        **_read("PUBLIC_READ_DATABASE_URL", env.db_url),
        "ATOMIC_REQUESTS": False, "CONN_HEALTH_CHECKS": True, "TEST": {"MIRROR": "default"},
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"]}
    if DATABASES["public_read"].get("ENGINE") != DATABASES["default"]["ENGINE"]:
        raise ImproperlyConfigured("Environment variable PUBLIC_READ_DATABASE_URL must name a database of "
                                   "the same kind as DATABASE_URL (a replica of it).")
    PUBLIC_READ_DATABASE = "public_read"
# PostgreSQL: the record by number is a prepared statement; False behind a pooler that cannot keep them.
PUBLIC_RECORD_PREPARED = _read("PUBLIC_RECORD_PREPARED", env.bool, default=True)

# Badge-display checker (ADR 0081): timeouts, concurrency, largest page read, the hosts of this
# platform a badge must link to (default: ALLOWED_HOSTS), re-checks a sponsor may ask for per hour, the
# interval of the scheduled run, and host → "address:port" overrides like curl --resolve
# ("example.cn=127.0.0.1:8080"; mapped hosts are fetched over plain HTTP; empty by default: DNS, public
# addresses only).
BADGE_CHECK_TIMEOUT_SECONDS = _read("BADGE_CHECK_TIMEOUT_SECONDS", env.float, default=10.0)
BADGE_CHECK_CONCURRENCY = _read("BADGE_CHECK_CONCURRENCY", env.int, default=20)
BADGE_CHECK_PER_HOST = _read("BADGE_CHECK_PER_HOST", env.int, default=2)
BADGE_CHECK_MAX_BYTES = _read("BADGE_CHECK_MAX_BYTES", env.int, default=1024 * 1024)
BADGE_CHECK_RECORD_HOSTS = _read("BADGE_CHECK_RECORD_HOSTS", env.list, default=[])
BADGE_CHECK_RECHECKS_PER_HOUR = _read("BADGE_CHECK_RECHECKS_PER_HOUR", env.int, default=3)
BADGE_CHECK_INTERVAL_HOURS = _read("BADGE_CHECK_INTERVAL_HOURS", env.int, default=24 * 7)
BADGE_CHECK_RESOLVE = _read("BADGE_CHECK_RESOLVE", env.dict, default={})

# The public JSON API: requests per minute per client address, and the largest body accepted.
API_RATE_LIMITS = {"prechecks": _read("API_PRECHECK_RATE_PER_MINUTE", env.int, default=120)}
API_MAX_BODY_BYTES = _read("API_MAX_BODY_BYTES", env.int, default=64 * 1024)
# Agencies' API tokens (ADR 0098): days a new token is valid unless its creator says otherwise, and the
# longest validity that may be given.
API_TOKEN_VALID_DAYS = _read("API_TOKEN_VALID_DAYS", env.int, default=365)
API_TOKEN_MAX_VALID_DAYS = _read("API_TOKEN_MAX_VALID_DAYS", env.int, default=3 * 365)

# Accounts (SPEC §8): password length by role, idle sign-out, SMS code sending limits, sign-in
# lock-outs. The figures and why: ADR 0095.
PASSWORD_MIN_LENGTH_APPLICANT = _read("PASSWORD_MIN_LENGTH_APPLICANT", env.int, default=8)
PASSWORD_MIN_LENGTH_STAFF = _read("PASSWORD_MIN_LENGTH_STAFF", env.int, default=12)
IDLE_TIMEOUT_MINUTES_APPLICANT = _read("IDLE_TIMEOUT_MINUTES_APPLICANT", env.int, default=30)
IDLE_TIMEOUT_MINUTES_STAFF = _read("IDLE_TIMEOUT_MINUTES_STAFF", env.int, default=15)
# SMS codes as (count, seconds): strict per phone number (whatever the purpose); generous per client
# address, because an office, a campus or a carrier's NAT puts many people behind one address. Past
# the lower per-address threshold every further code needs the human check answered again.
SMS_CODE_PHONE_LIMITS = [(1, 60), (5, 3600), (10, 86400)]
SMS_CODE_ADDRESS_LIMITS = [(_read("SMS_CODE_ADDRESS_PER_HOUR", env.int, default=100), 3600),
                           (_read("SMS_CODE_ADDRESS_PER_DAY", env.int, default=500), 86400)]
SMS_CODE_ADDRESS_HUMAN_CHECK_AFTER = (_read("SMS_CODE_ADDRESS_HUMAN_CHECK_AFTER", env.int, default=10), 3600)
# Codes (and registration notices) the platform sends a day, all visitors together; administrators are
# told once a day when the warning share is reached and once when it is spent.
SMS_DAILY_BUDGET = _read("SMS_DAILY_BUDGET", env.int, default=20000)
SMS_DAILY_BUDGET_WARNING_PERCENT = _read("SMS_DAILY_BUDGET_WARNING_PERCENT", env.int, default=80)
# Sign-in: an account locks after failures in a row (its owner's success ends the series); a client
# address after failures within a sliding window, whoever succeeds in between.
SIGN_IN_MAX_FAILURES = _read("SIGN_IN_MAX_FAILURES", env.int, default=5)
SIGN_IN_LOCK_MINUTES = _read("SIGN_IN_LOCK_MINUTES", env.int, default=5)
SIGN_IN_ADDRESS_MAX_FAILURES = _read("SIGN_IN_ADDRESS_MAX_FAILURES", env.int, default=5)
SIGN_IN_ADDRESS_WINDOW_MINUTES = _read("SIGN_IN_ADDRESS_WINDOW_MINUTES", env.int, default=10)
# How long an owner sees a full certificate number after re-entering the password (SPEC §8).
OWNER_REVEAL_MINUTES = _read("OWNER_REVEAL_MINUTES", env.int, default=5)
EMAIL_CONFIRMATION_DAYS = 3
# django-otp's admin shows no authenticator key or QR code of an existing device, to anyone (ADR 0030).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Image captcha (django-simple-captcha); the text question for people who cannot read it is ours.
CAPTCHA_LENGTH = 5
CAPTCHA_TIMEOUT = 10  # minutes
CAPTCHA_IMAGE_SIZE = (150, 50)
CAPTCHA_FONT_SIZE = 32

# Retention (PIPL art. 19, 47; ADR 0102): days each kind of personal data is kept after its purpose
# ended; a daily task (`manage.py apply_retention`) deletes or anonymises what is due, in batches.
RETENTION_ABANDONED_DRAFT_DAYS = _read("RETENTION_ABANDONED_DRAFT_DAYS", env.int, default=180)
RETENTION_PENDING_REGISTRATION_DAYS = _read("RETENTION_PENDING_REGISTRATION_DAYS", env.int, default=7)
RETENTION_OUTBOX_TEXT_DAYS = _read("RETENTION_OUTBOX_TEXT_DAYS", env.int, default=30)
RETENTION_CANCELLED_SPONSOR_DOCUMENTS_DAYS = _read("RETENTION_CANCELLED_SPONSOR_DOCUMENTS_DAYS", env.int,
                                                   default=183)
RETENTION_VERIFICATION_CODE_DAYS = _read("RETENTION_VERIFICATION_CODE_DAYS", env.int, default=7)
RETENTION_CAPTCHA_DAYS = _read("RETENTION_CAPTCHA_DAYS", env.int, default=1)
RETENTION_EXPIRED_SESSION_DAYS = _read("RETENTION_EXPIRED_SESSION_DAYS", env.int, default=0)
RETENTION_BADGE_CHECK_DAYS = _read("RETENTION_BADGE_CHECK_DAYS", env.int, default=90)
RETENTION_IMPORT_REPORT_DAYS = _read("RETENTION_IMPORT_REPORT_DAYS", env.int, default=90)
# The audit log is kept, never deleted by the retention task: this figure only reports what is older.
RETENTION_AUDIT_LOG_DAYS = _read("RETENTION_AUDIT_LOG_DAYS", env.int, default=183)
for _name in [name for name in globals() if name.startswith("RETENTION_") and name.endswith("_DAYS")]:
    if globals()[_name] < 0:
        raise ImproperlyConfigured(f"Environment variable {_name} must not be negative.")
if RETENTION_AUDIT_LOG_DAYS < 183:
    raise ImproperlyConfigured("Environment variable RETENTION_AUDIT_LOG_DAYS must be at least 183 "
                               "(network logs are kept at least 6 months, Cybersecurity Law art. 21).")
RETENTION_BATCH_SIZE = _read("RETENTION_BATCH_SIZE", env.int, default=500)
RETENTION_INTERVAL_HOURS = _read("RETENTION_INTERVAL_HOURS", env.int, default=24)

# The service footer of every page (Chinese government-service habit): who runs the platform, how to
# reach it, and the platform's own record numbers. An empty value hides its part of the footer.
SERVICE_OPERATOR = _read("SERVICE_OPERATOR", env.str, default="网站安全备案平台（演示）")
SERVICE_CONTACT_PHONE = _read("SERVICE_CONTACT_PHONE", env.str, default="")
SERVICE_CONTACT_EMAIL = _read("SERVICE_CONTACT_EMAIL", env.str, default="beian@localhost")
# 京公网安备 11010502030143号 (or its 14 digits); its badge links to the record in this platform's register
# unless SERVICE_RECORD_URL names another page (e.g. the national public-security filing site).
SERVICE_RECORD_NUMBER = _read("SERVICE_RECORD_NUMBER", env.str, default="")
SERVICE_RECORD_URL = _read("SERVICE_RECORD_URL", env.str, default="")
SERVICE_ICP_NUMBER = _read("SERVICE_ICP_NUMBER", env.str, default="")
SERVICE_ICP_URL = _read("SERVICE_ICP_URL", env.str, default="https://beian.miit.gov.cn/")

# Notifications (SPEC §9). SMS: the development backend writes var/sms.jsonl; the HTTP backend
# (beian.notifications.backends.http.HttpSmsBackend) talks to a provider. Template ids are
# "name=id,name=id". Retries double from the first delay up to the maximum until the give-up time.
SMS_BACKEND = _read("SMS_BACKEND", env.str,
                    default="beian.notifications.backends.development.DevelopmentSmsBackend")
SMS_LOG_PATH = Path(_read("SMS_LOG_PATH", env.str, default=str(VAR_DIR / "sms.jsonl")))
SMS_HTTP_URL = _read("SMS_HTTP_URL", env.str, default="")
SMS_HTTP_KEY = _read("SMS_HTTP_KEY", env.str, default="")
SMS_HTTP_SIGNATURE = _read("SMS_HTTP_SIGNATURE", env.str, default="")
SMS_HTTP_TEMPLATE_IDS = _read("SMS_HTTP_TEMPLATE_IDS", env.dict, default={})
SMS_HTTP_TIMEOUT_SECONDS = _read("SMS_HTTP_TIMEOUT_SECONDS", env.float, default=10.0)
# The header that carries the outbox row's reference as the provider's idempotency key (ADR 0010).
SMS_HTTP_IDEMPOTENCY_HEADER = _read("SMS_HTTP_IDEMPOTENCY_HEADER", env.str, default="Idempotency-Key")
SMS_RETRY_FIRST_DELAY_SECONDS = _read("SMS_RETRY_FIRST_DELAY_SECONDS", env.int, default=60)
SMS_RETRY_MAX_DELAY_SECONDS = _read("SMS_RETRY_MAX_DELAY_SECONDS", env.int, default=3600)
SMS_GIVE_UP_AFTER_HOURS = _read("SMS_GIVE_UP_AFTER_HOURS", env.int, default=12)
SMS_OUTBOX_SWEEP_SECONDS = _read("SMS_OUTBOX_SWEEP_SECONDS", env.int, default=300)
SMS_OUTBOX_GRACE_SECONDS = _read("SMS_OUTBOX_GRACE_SECONDS", env.int, default=120)
SMS_OUTBOX_SENDING_TIMEOUT_SECONDS = _read("SMS_OUTBOX_SENDING_TIMEOUT_SECONDS", env.int, default=600)
SMS_OUTBOX_SWEEP_BATCH = 1000
# Template parameters that are secrets (a live verification code): masked wherever operators read the
# outbox, in the parameters and in the text.
SMS_SECRET_PARAMETERS = ["code"]
# E-mail: EMAIL_URL (smtp://user:password@host:587/?tls=True) at scale; files in var/mail embedded.
if env.str("EMAIL_URL", default=""):
    # Sets EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS.
    globals().update({key: value for key, value in _read("EMAIL_URL", env.email_url).items()
                      if key.startswith("EMAIL_")})
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = _read("DEFAULT_FROM_EMAIL", env.str, default="beian@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}
