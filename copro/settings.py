"""One settings module. Everything that varies between deployments comes from the environment.

Helpers fail loudly on a malformed value; secrets have no production default. `sample.env` lists
every variable with its meaning, and the README's configuration table mirrors it.
"""

import base64
import hashlib
import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("COPRO_VAR_DIR", BASE_DIR / "var"))

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)


def _secret_key() -> str:
    key = env_str("SECRET_KEY")
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (production), "
            "or set DEBUG=1 for a local run, which keeps a generated key under var/."
        )
    # Local runs only: a key generated once and kept beside the local database.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
COUNCIL_NAME = env_str("COUNCIL_NAME", "Demo County Council")
# How people reach the council: on "Contact us", in the footer and the accessibility statement.
COUNCIL_PHONE = env_str("COUNCIL_PHONE", "01234 567890")
COUNCIL_EMAIL = env_str("COUNCIL_EMAIL", "coproduction@council.example")
COUNCIL_ADDRESS = env_str(
    "COUNCIL_ADDRESS", "Co-production team, County Hall, Market Street, OX1 1AA"
)
COUNCIL_OPENING_HOURS = env_str("COUNCIL_OPENING_HOURS", "Monday to Friday, 9am to 5pm")
SERVICE_NAME = "Working Together"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "copro.core",
    "copro.people",
    "copro.notifications",
    "copro.framework",
    "copro.writing",
    "copro.projects",
    "copro.reciprocity",
    "copro.learning",
    "copro.community",
    "copro.readiness",
    "copro.meetings",
    "copro.voice",
    "copro.conversations",
    "copro.safeguarding",
    "copro.frontdoor",
    "copro.reports",
    "copro.ops",
]

MIDDLEWARE = [
    "copro.core.middleware.RequestIdMiddleware",
    "copro.core.middleware.LoadSheddingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "copro.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETags and 304s for pages that can be cached; outside the public page cache, so kept pages
    # answer conditional requests too.
    "django.middleware.http.ConditionalGetMiddleware",
    # Pages people read without signing in, served from the cache until the record changes
    # (copro/core/public_cache.py). Before the session and CSRF, which a kept page never needs.
    "copro.core.public_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "copro.core.middleware.PreferredLanguageMiddleware",  # the session's or profile's language
    "django_otp.middleware.OTPMiddleware",
    "copro.core.middleware.SessionTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "copro.core.middleware.NoStoreForSignedInMiddleware",
    # Staff and administrators must pass a second factor before anything else (AUTH-5). After
    # OTPMiddleware, which says whether the session is verified, and after the CSP and no-store
    # middleware, so that its redirects carry their headers too.
    "copro.people.mfa.SecondFactorRequiredMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so that it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "copro.urls"
WSGI_APPLICATION = "copro.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "copro.core.context_processors.service",
                "copro.notifications.context_processors.unread",
            ],
        },
    },
]
# Forms render as GOV.UK markup through our own templates in core.
FORM_RENDERER = "copro.core.forms.GovukFormRenderer"

# --- Database -------------------------------------------------------------------------------
# SQLite under var/ by default (no set-up), PostgreSQL when DATABASE_URL is set.
DATABASE_URL = env_str("DATABASE_URL")
# Persistent connections are checked before each request reuses them, so a database restart
# costs one reconnect rather than an error page (docs/deploy/README.md).
CONN_HEALTH_CHECKS = env_bool("CONN_HEALTH_CHECKS", True)
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=env_int("CONN_MAX_AGE", 60),
            conn_health_checks=CONN_HEALTH_CHECKS,
        )
    }
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("SQLITE_PATH", str(VAR_DIR / "db.sqlite3")),
            "OPTIONS": {
                # WAL lets readers carry on while one writer writes; IMMEDIATE takes the write
                # lock at BEGIN so that two writers queue instead of failing half-way.
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                ),
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication -------------------------------------------------------------------------
AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# NIST SP 800-63B: a minimum length and a check against common passwords; no composition rules.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = None  # show a "you have signed out" page
PASSWORD_RESET_TIMEOUT = 60 * 60  # one hour

# One-time sign-in links and invitations (AUTH-3, AUTH-4, docs/decisions/0002-sign-in.md).
# Lifetimes are fixed by the decision record, not per deployment: a link works once for 10
# minutes (ASVS's limit for out-of-band codes), an invitation once for 14 days.
SIGN_IN_LINK_MINUTES = 10
INVITATION_DAYS = 14
# At most this many links per email address, and per client address, in the window; more
# requests get the same "Check your email" page but no email (API-5). Kept in the database, so
# every app process shares the count.
SIGN_IN_LINK_LIMIT_PER_EMAIL = env_int("SIGN_IN_LINK_LIMIT_PER_EMAIL", 3)
SIGN_IN_LINK_LIMIT_PER_IP = env_int("SIGN_IN_LINK_LIMIT_PER_IP", 10)
SIGN_IN_LINK_LIMIT_MINUTES = 15
# Old links are kept this long so that "Send me a new link" still knows whom to send to.
SIGN_IN_LINK_KEEP_DAYS = 7
# The name authenticator apps show beside the six-digit code (AUTH-5).
OTP_TOTP_ISSUER = f"{COUNCIL_NAME} {SERVICE_NAME}"

# Brute force (AUTH-1): lock an account from one address, or an address across accounts, after
# 10 failures in 15 minutes; an account everywhere only when failures come from several
# addresses (copro.people.lockout). Locks lift by themselves after the cool-off.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "copro.people.lockout.LockoutHandler"
AXES_ACCOUNT_ADDRESSES = env_int("AXES_ACCOUNT_ADDRESSES", 3)
AXES_ACCOUNT_LIMIT = env_int("AXES_ACCOUNT_LIMIT", 30)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "copro.core.views.locked_out"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False
# Successful sign-ins are already in the JSON log (LOG-1); keep no second copy with emails.
AXES_DISABLE_ACCESS_LOG = True
# Behind a load balancer, the number of proxies whose X-Forwarded-For we trust (0: none).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "copro.core.net.client_ip"

# --- Sessions and cookies (CFG-3, AUTH-10) --------------------------------------------------
SECURE_COOKIES = env_bool("SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
# The __Host- prefix pins a cookie to this exact host over HTTPS (no cookie tossing).
SESSION_COOKIE_NAME = "__Host-sessionid" if SECURE_COOKIES else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if SECURE_COOKIES else "csrftoken"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Absolute limit 12 hours, idle limit 30 minutes: NIST SP 800-63B section 7.2 for AAL2
# (docs/decisions/0004-session-limits.md).
SESSION_COOKIE_AGE = env_int("SESSION_ABSOLUTE_SECONDS", 12 * 60 * 60)
SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Security headers (CFG-2) ----------------------------------------------------------------
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_HTTPS_PROXY", False) else None
)
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = [
    # HSTS preload puts the council's whole domain on browsers' built-in lists, which is hard to
    # undo; that is the council's decision to take, not this service's (TESTING.md decision 6).
    "security.W021",
]
# The one inline script (it tells GOV.UK Frontend's CSS that JavaScript runs) is allowed by its
# hash rather than a nonce, so that a page people read without signing in is the same bytes for
# everyone and can be kept in the cache (copro/core/public_cache.py).
JS_ENABLED_SNIPPET = (
    "document.body.className += ' js-enabled' + "
    "('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');"
)
_snippet_digest = base64.b64encode(hashlib.sha256(JS_ENABLED_SNIPPET.encode()).digest()).decode()
JS_ENABLED_SNIPPET_HASH = f"'sha256-{_snippet_digest}'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE, JS_ENABLED_SNIPPET_HASH],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    }
}

# --- Cache ------------------------------------------------------------------------------------
# Shared by every process that serves the site (the public page cache must see every worker's
# changes): Redis when REDIS_URL is set (several servers), otherwise files under var/ (one server).
REDIS_URL = env_str("REDIS_URL", None)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        },
        "versions": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "TIMEOUT": None,
            "KEY_PREFIX": "versions",
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache" / "pages"),
            "OPTIONS": {"MAX_ENTRIES": 3000},
        },
        "versions": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache" / "versions"),
            "TIMEOUT": None,
        },
    }
# How long a public page may be served from the cache at most; 0 turns the cache off.
PUBLIC_CACHE_SECONDS = env_int("PUBLIC_CACHE_SECONDS", 120)
# How long a project's worked-out evidence is kept for the same record; 0 works it out each time.
EVIDENCE_CACHE_SECONDS = env_int("EVIDENCE_CACHE_SECONDS", 300)

# --- Static files -----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# --- E-mail -------------------------------------------------------------------------------------
# On a real service every message goes through the outbox (copro/core/mail.py): stored with the
# change that caused it and handed to EMAIL_DELIVERY_BACKEND by the task worker, with retries,
# so nothing is lost while the mail server is down (FLT-10). The task worker must be running.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "copro.core.mail.QueuedEmailBackend",
)
EMAIL_DELIVERY_BACKEND = env_str(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Working Together <no-reply@example.org>")

# --- Text messages (GOV.UK Notify) -------------------------------------------------------------
# "local" (the default) keeps each text in the database for the demo and tests; "govuk" sends
# through GOV.UK Notify with an API key and a text template whose content is ((message)).
NOTIFY_BACKEND = env_str("NOTIFY_BACKEND", "local")
if NOTIFY_BACKEND not in ("local", "govuk"):
    raise ImproperlyConfigured("NOTIFY_BACKEND must be 'local' or 'govuk'")
NOTIFY_API_KEY = env_str("NOTIFY_API_KEY", "")
NOTIFY_SMS_TEMPLATE_ID = env_str("NOTIFY_SMS_TEMPLATE_ID", "")
if NOTIFY_BACKEND == "govuk" and not (NOTIFY_API_KEY and NOTIFY_SMS_TEMPLATE_ID):
    raise ImproperlyConfigured("NOTIFY_BACKEND=govuk needs NOTIFY_API_KEY and a template id")

# --- Overload ----------------------------------------------------------------------------------
# A request that waited longer than this in the load balancer's queue (its X-Request-Start
# header) gets a quick 503 "busy" page instead of work nobody will wait for. 0 switches it off.
REQUEST_QUEUE_LIMIT_MS = env_int("REQUEST_QUEUE_LIMIT_MS", 0)

# --- Background tasks -------------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# --- Logging: JSON lines with a request id (LOG-1..4) ----------------------------------------
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "copro.core.logging.RequestIdFilter"}},
    "formatters": {"json": {"()": "copro.core.logging.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.request": {"level": "ERROR", "propagate": True},
        "django.security": {"level": "INFO", "propagate": True},
        "axes": {"level": "WARNING", "propagate": True},
    },
}

# --- Locale ------------------------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
# Translations (issue 19, docs/translations.md): a council adds a language to LANGUAGES and its
# catalogue under copro/locale/; a string not yet translated falls back to English.
USE_I18N = True
LANGUAGES = [("en-gb", "English")]
LOCALE_PATHS = [BASE_DIR / "copro" / "locale"]
# Testers: COPRO_PSEUDO_LANGUAGE=1 offers an accented, longer pseudo-language (core/pseudo.py).
PSEUDO_LANGUAGE_ENABLED = env_bool("COPRO_PSEUDO_LANGUAGE", False)
if PSEUDO_LANGUAGE_ENABLED:
    LANGUAGES.append(("qps-ploc", "Pseudo-language (for testing)"))
USE_TZ = True

# --- Equality monitoring --------------------------------------------------------------------
# Counts below this are shown as "fewer than N" wherever equality figures are shown (PRIV-6).
# Never below 5 (the council's data protection rule); copro refuses a lower value.
EQUALITY_SUPPRESSION_THRESHOLD = env_int("EQUALITY_SUPPRESSION_THRESHOLD", 5)

# --- Projects ---------------------------------------------------------------------------------
# Whether citizens may start projects themselves (staff always can): the council's choice.
CITIZENS_CAN_START_PROJECTS = env_bool("CITIZENS_CAN_START_PROJECTS", False)

# "Get involved" (copro.frontdoor). Off by default: councils vet people for safeguarding before
# they join, so staff welcome each person first. On: someone who gives an email address is sent
# a link that checks it and lets them make an account straight away.
SELF_REGISTRATION = env_bool("SELF_REGISTRATION", False)
# How many "Get involved" forms one network address may send in the window (API-5).
GET_INVOLVED_LIMIT_PER_IP = env_int("GET_INVOLVED_LIMIT_PER_IP", 5)
GET_INVOLVED_LIMIT_MINUTES = 60

# --- Meetings ---------------------------------------------------------------------------------
# Papers sent fewer than this many days before a meeting are flagged to the organiser and counted
# as late in the project's evidence (the guidance: give people enough time to read).
# A record about a day more than this many days before it was entered is "recorded late": it
# counts as evidence only once the person confirms it (copro/core/provenance.py).
EVIDENCE_LATE_DAYS = env_int("EVIDENCE_LATE_DAYS", 14)
# The members' own word (copro/voice): one reminder this many days after asking, never more;
# a check-in for each member of a project every this many days.
VOICE_REMIND_AFTER_DAYS = env_int("VOICE_REMIND_AFTER_DAYS", 7)
VOICE_CHECKIN_DAYS = env_int("VOICE_CHECKIN_DAYS", 91)
PAPERS_DAYS_BEFORE = env_int("PAPERS_DAYS_BEFORE", 7)
# The largest meeting paper accepted; a bigger file is dropped while it arrives (FILE-1).
MEETING_PAPER_MAX_BYTES = env_int("MEETING_PAPER_MAX_BYTES", 10 * 1024 * 1024)
# No form takes more than one file: a request with more file parts than this is refused (FILE-8).
DATA_UPLOAD_MAX_NUMBER_FILES = 5
# clamd's Unix socket (e.g. /run/clamav/clamd.ctl). When set, every paper is scanned and uploads
# are refused while the scanner cannot be reached (fail closed, FILE-7). Empty: no scanning.
CLAMD_SOCKET = env_str("CLAMD_SOCKET", "")

# --- Safeguarding (copro.safeguarding) --------------------------------------------------------
# Shown to anyone raising a concern outside office hours (and always, at the foot of the form).
SAFEGUARDING_EMERGENCY_PHONE = env_str("SAFEGUARDING_EMERGENCY_PHONE", "999")
SAFEGUARDING_OUT_OF_HOURS_PHONE = env_str("SAFEGUARDING_OUT_OF_HOURS_PHONE", "01234 567999")
SAFEGUARDING_OFFICE_PHONE = env_str("SAFEGUARDING_OFFICE_PHONE", "01234 567800")
# Office hours, local time: weekdays Monday to Friday, from and to as whole hours (24-hour clock).
SAFEGUARDING_OFFICE_HOURS_FROM = env_int("SAFEGUARDING_OFFICE_HOURS_FROM", 9)
SAFEGUARDING_OFFICE_HOURS_TO = env_int("SAFEGUARDING_OFFICE_HOURS_TO", 17)

# --- Reciprocity ----------------------------------------------------------------------------
# Claims not paid this many days after the activity are flagged: slow payment stops people
# taking part.
RECIPROCITY_PAY_WITHIN_DAYS = env_int("RECIPROCITY_PAY_WITHIN_DAYS", 14)
# Involvement by experts by experience with nothing given back after this many days is listed
# for staff ("Nobody left out").
RECIPROCITY_NOBODY_LEFT_OUT_DAYS = env_int("RECIPROCITY_NOBODY_LEFT_OUT_DAYS", 14)
# A person's payments in one tax year at or above this many pence are pointed out to them and
# to staff. The council chooses the level (0 switches it off); it is not advice about tax or
# benefits.
RECIPROCITY_TAX_YEAR_ALERT_PENCE = env_int("RECIPROCITY_TAX_YEAR_ALERT_PENCE", 100000)
# The largest receipt (PDF, JPEG or PNG) accepted with an expense; a bigger file is dropped
# while it arrives (FILE-1). Receipts are scanned like meeting papers when CLAMD_SOCKET is set.
RECEIPT_MAX_BYTES = env_int("RECEIPT_MAX_BYTES", 10 * 1024 * 1024)

# --- Demo --------------------------------------------------------------------------------------
# `copro demo` refuses to run unless this is on (AUTH-12): demo accounts have known passwords.
ALLOW_DEMO_DATA = env_bool("ALLOW_DEMO_DATA", DEBUG)
