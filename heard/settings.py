"""Django settings for Heard.

Everything that differs between machines comes from the environment, so one organization can run
Heard on a laptop with SQLite and a network can run the same code on PostgreSQL:

- HEARD_DATA_DIR: where the SQLite database, the secret key and caches live (default ./data).
- DATABASE_URL: e.g. postgres://user@127.0.0.1:5432/heard; SQLite in the data folder when unset.
- HEARD_DEBUG: "1" for Django's debug pages (the demo server sets it).
- HEARD_SECRET_KEY: otherwise a key is made once and kept in the data folder.
- HEARD_ALLOWED_HOSTS: comma-separated host names (default: localhost only).
- HEARD_TIME_ZONE: the organization's time zone, for dates shown and typed (default
  America/Chicago).
- HEARD_PHONE_REGION: the country whose phone numbers are written without a country code, as
  a two-letter code (default US): "(555) 010-1234" and "+1 555 010 1234" are then one number
  when duplicates are looked for.
- HEARD_HTTPS: "1" when people reach Heard over HTTPS: cookies are sent over HTTPS only, plain
  HTTP is redirected, and browsers are told (HSTS, a year, subdomains included) to use HTTPS only.
  `heard check --deploy` then reports no issues.
- HEARD_BEHIND_PROXY: "1" when a reverse proxy on this machine (Caddy, nginx) ends TLS and sets
  X-Forwarded-Proto and X-Forwarded-For; trust them (see below for why it is not the default).
- HEARD_TASK_BACKEND: the task backend (default the database queue, run by `heard worker`).
- HEARD_LOG_LEVEL: the level of the log written to the console (default WARNING).
- HEARD_DB_POOL_SIZE: on PostgreSQL, the most connections one process opens (default 10).
- PORT: the port `heard run` serves on (default 8000).

Files in the data folder are private to the user running Heard: the folder is 0700, the database
and the secret key 0600 (made so by `heard` on every start, see heard/cli.py).
"""

import datetime as dt
import os
import secrets
import stat
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("HEARD_DATA_DIR", Path.cwd() / "data")).resolve()


def _secret_key() -> str:
    if key := os.environ.get("HEARD_SECRET_KEY"):
        return key
    # A key made once per installation and kept beside the database: sessions survive restarts
    # and no two installations share a key.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        # Created 0600 from the start: there is no moment when another user could read it.
        descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


def _keep_data_private() -> None:
    """The data folder 0700, the SQLite database (with its -wal and -shm) and the key 0600.

    New files are private already (`heard` and heard/wsgi.py set the umask); this also mends
    files made before, or copied in, on every start of any process.
    """
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    # A folder others share, like /tmp (sticky bit), is not ours to close.
    if not DATA_DIR.stat().st_mode & stat.S_ISVTX:
        DATA_DIR.chmod(0o700)
    for name in ("secret_key", "heard.sqlite3", "heard.sqlite3-wal", "heard.sqlite3-shm"):
        path = DATA_DIR / name
        if path.exists():
            path.chmod(0o600)


_keep_data_private()
SECRET_KEY = _secret_key()
DEBUG = os.environ.get("HEARD_DEBUG") == "1"
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("HEARD_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "heard.worker",
    "heard.accounts",
    "heard.people",
    "heard.campaigns",
    "heard.conversations",
    "heard.commitments",
    "heard.leadership",
    "heard.demo",
    "heard.themes",
    "heard.privacy",
    "heard.security",
    "heard.common_ground",
    "heard.plans",
    "heard.smallgroups",
    "heard.reports",
    "heard.opinions",
    "heard.voting",
    "heard.exchange",
    "heard.spaces",
    "heard.api",
    "heard.offline",
    "heard.languages",
    # django-ninja: its Swagger UI assets are served from here (no CDN).
    "ninja",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The cookie set by the language switch, else the browser's Accept-Language...
    "django.middleware.locale.LocaleMiddleware",
    # ...unless a signed-in member chose a language: theirs (kept in the session at login).
    "heard.languages.chosen.MemberLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Right after authentication: `request.user.is_verified()` for everything below.
    "django_otp.middleware.OTPMiddleware",
    "heard.privacy.middleware.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "heard.security.middleware.NoStoreMiddleware",
    "heard.security.middleware.TwoFactorMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the login page's message.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username before its password is even checked.
    "heard.security.backends.LockoutBackend",
    # Django's ModelBackend, loading the user with whether two-factor is on.
    "heard.security.backends.AccountBackend",
]

ROOT_URLCONF = "heard.urls"
WSGI_APPLICATION = "heard.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "heard.accounts.context_processors.membership",
            ],
        },
    },
]

DATABASES = {
    # An empty DATABASE_URL (as `make test` sets it) means the SQLite default too.
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'heard.sqlite3'}",
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A pool per process (psycopg_pool, through Django's own "pool" option): a request borrows a
    # connection and gives it back at its end, so a thread waiting for its next request holds
    # none. Connections above the one kept warm close after a minute unused: when a canvass
    # ends, PostgreSQL is not left holding one idle connection per thread that ever served.
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": int(os.environ.get("HEARD_DB_POOL_SIZE", "10")),
        "max_idle": 60,
        # A request that cannot get a connection in this long fails rather than hangs.
        "timeout": 20,
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the worker writes; the busy timeout waits for a lock
    # instead of failing at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Heard's messages are written in English; each other language of LANGUAGES has a catalogue per
# app (heard/<app>/locale/<code>/LC_MESSAGES/django.po, `heard messages`). Adding a language is
# a line here and its catalogues: names as its speakers write them, so anyone finds their own.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("HEARD_TIME_ZONE", "America/Chicago")
PHONE_REGION = os.environ.get("HEARD_PHONE_REGION", "US").upper()
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# The shared layout's assets; each app's own live in its static/ folder.
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns when it is missing

TASKS = {
    "default": {
        "BACKEND": os.environ.get("HEARD_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# A capture is a few kilobytes of words; 2.5 MB (Django's default) leaves room for the longest
# conversation and refuses anything meant to exhaust memory. The capture view answers a too-big
# form with a message of its own.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

if os.environ.get("HEARD_HTTPS") == "1":
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Only asks to be listed: a host reaches browsers' preload lists when its operator submits it
    # at hstspreload.org. `check --deploy` wants it, and HTTPS-only is what we mean anyway.
    SECURE_HSTS_PRELOAD = True

if os.environ.get("HEARD_BEHIND_PROXY") == "1":
    # Behind a proxy that ends TLS, every request reaches Heard as plain HTTP: without this,
    # HEARD_HTTPS redirects forever. It is not the default because a client talking to Heard
    # directly could send the header itself and pass plain HTTP off as HTTPS; the proxy must
    # overwrite it. `heard run` also takes the client's address from X-Forwarded-For (werkzeug's
    # ProxyFix, heard/serving.py), so the sign-in lockout sees people, not the proxy.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy: only this site's own scripts, styles, images and forms, and no page of
# ours inside another site's frame. Style attributes are allowed for one reason: the Themes page
# draws its bars and heat map with a computed width or colour in style="" (no script can run
# from a style attribute, and <style> elements stay refused).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        # data: only for the layout's empty favicon (`href="data:,"`), which stops the browser
        # asking for /favicon.ico on every page.
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# Sign-in lockout (django-axes): ten wrong passwords for one username lock that username for 15
# minutes, wherever they come from. Not by address: a union's office shares one address, and one
# volunteer's typos must not lock out the whole room.
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username"]
# Axes warns that without the address an attacker may rotate user agents or cookies: that holds
# for its combined keys, not here, where every failure for a username counts whatever sent it.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
# A try while locked out does not push the end of the lockout further: the time the login page
# gives stays true.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "heard.security.lockout.locked_out_response"
# Axes keeps failed attempts only until their cool-off ends; who signed in when, from where, is not
# kept forever beside them (the privacy app's audit log says what was read, by whom).
AXES_DISABLE_ACCESS_LOG = True

# Two-factor sign-in for administrators (django-otp, TOTP): the name an authenticator app shows.
OTP_TOTP_ISSUER = "Heard"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("HEARD_LOG_LEVEL", "WARNING")},
}

# WhiteNoise serves the static files from the web process itself: no separate web server is
# needed for one organization, and several processes behind any WSGI server work the same.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
