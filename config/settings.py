"""The one settings module. Every knob comes from the environment with a safe default;
`.env.example` lists them."""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

# The default only suits a laptop: with DEBUG off, the web server and the Celery worker
# refuse to start without a strong key (config/startup.py), and `check --deploy` flags it.
SECRET_KEY = env.str("SECRET_KEY", default="") or "django-insecure-local-development-key"
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_countries",
    "simple_history",
    "django_htmx",
    "languages.third_party.PeriodicTasksConfig",
    "nested_admin",
    "languages.third_party.AxesConfig",
    "csp",
    "import_export",
    "cases",
    "consular",
    "ingest",
    "stats",
    "casework",
    "ui",
    "demo",
    "audit",
    "figures",
    "transfer",
    "languages",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A database that cannot be reached answers 503 with Retry-After, not a bare 500.
    "config.unavailable.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language: the signed-in user's choice (below), else the language cookie, else the
    # browser's Accept-Language, else English.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "languages.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "audit.middleware.AuditMiddleware",
    # Last, as django-axes asks: it answers for sign-ins that it has locked out.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Counts failed sign-ins and refuses them once locked out (see SIGNIN_* below).
    "axes.backends.AxesStandaloneBackend",
    # Django's model backend, reading a user's own and group permissions in one query.
    "cases.backends.RolePermissionBackend",
]

ROOT_URLCONF = "config.urls"

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
                "django.template.context_processors.i18n",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# One transaction per request: a request that fails half-way leaves nothing written.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# Connections are kept between requests (a new one costs about 10 ms) and checked before
# reuse, so a database restart costs one failed check, not a failed request. 0 closes each
# connection at the end of its request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: the app's queries read a page or a few summary rows, but the
    # planner's cost estimate for the cadence and list queries (correlated subqueries) is
    # high enough to trigger it, and compiling took seconds where running takes milliseconds.
    # A random page read is priced near a sequential one (the server's default prices it 4
    # times as high, as for spinning disks): the working set of this app sits in memory or
    # on SSD, and at the default a name search joined its few hundred matches to the whole
    # detainee table by scanning it (32 ms at 100,000 people) instead of by the primary key
    # (9 ms). POSTGRES_RANDOM_PAGE_COST sets another value for other storage.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options",
        f"-c jit=off -c random_page_cost={env.float('POSTGRES_RANDOM_PAGE_COST', default=1.1)}",
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers wait for the lock instead of failing at once when a worker thread also writes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("timeout", 20)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The interface speaks these; the catalogues are in locale/ (see the README, "Languages").
LANGUAGES = [("en", _("English")), ("ru", _("Russian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and numbers per language beyond Django's own formats (config/formats/<language>/).
FORMAT_MODULE_PATH = ["config.formats"]
# Kept for a year, so that a signed-out browser keeps the language chosen.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"] if (BASE_DIR / "static").is_dir() else []
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed names need `collectstatic`; development and tests serve files as they are.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env.bool("STATIC_MANIFEST", default=not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
FORMS_URLFIELD_ASSUME_HTTPS = True
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "media/"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

# --- HTTPS. Off by default, so that the app also runs over plain HTTP (a laptop, CI); the
# production values, with which `manage.py check --deploy` is clean, are in
# docs/operations.md.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
# Health checks of a load balancer or of compose come over plain HTTP from inside.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# Behind a proxy that terminates TLS: the header it sets and the value meaning https, e.g.
# `HTTP_X_FORWARDED_PROTO,https`. Only when the proxy overwrites that header from clients.
_proxy_ssl_header = env.list("SECURE_PROXY_SSL_HEADER", default=[])
if _proxy_ssl_header and len(_proxy_ssl_header) != 2:
    raise ImproperlyConfigured(
        "SECURE_PROXY_SSL_HEADER is a header and a value, e.g. HTTP_X_FORWARDED_PROTO,https."
    )
SECURE_PROXY_SSL_HEADER = tuple(_proxy_ssl_header) or None

# Content-Security-Policy (django-csp): scripts and styles only from our own static files, so
# no inline <script>, `on*=` handler or injected markup runs; images only from here (and
# `data:`), so nothing shown to a reviewer makes their browser call a third party.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "frame-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# --- Celery: with no broker, tasks run in-process so the app works with nothing else running.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="") or None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = False
# A message is acknowledged once its task is done, and given back to the broker when the
# worker process running it dies (prefork: a killed child), so no task is lost with it.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# No task runs longer: at the soft limit it is told to stop (an article fails with the
# reason), at the hard limit its process is killed. The threads pool enforces neither;
# production runs the prefork pool.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=240)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=300)
# Redis hands an unacknowledged message to another worker after this long. It must outlast
# the longest task and the longest retry delay (retries wait, unacknowledged, in a worker),
# or a message would run twice.
CELERY_VISIBILITY_TIMEOUT_SECONDS = env.int("CELERY_VISIBILITY_TIMEOUT_SECONDS", default=3600)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT_SECONDS}
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"

# --- REST API
REST_FRAMEWORK = {
    # Token first, so that a request without credentials gets 401 (with
    # `WWW-Authenticate: Token`) rather than the 403 that session authentication gives.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "config.throttling.ThrottledTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Rates are in API_THROTTLE_RATES below, read when a request comes.
    "DEFAULT_THROTTLE_CLASSES": ["config.throttling.TokenRateThrottle"],
    # Reverse proxies in front of the app that append to X-Forwarded-For; with 0 the client
    # address is REMOTE_ADDR and a sent X-Forwarded-For is ignored (it could be forged).
    "NUM_PROXIES": env.int("TRUSTED_PROXY_COUNT", default=0),
    "EXCEPTION_HANDLER": "config.api.api_exception_handler",
    "DEFAULT_PARSER_CLASSES": [
        "config.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": env.int("API_PAGE_SIZE", default=25),
    "DEFAULT_SCHEMA_CLASS": "config.api.ApiAutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
# Requests per token (or per signed-in user), and wrong tokens per client address, before
# the API answers 429 with Retry-After. An empty value turns a limit off.
# A list counts its rows exactly up to this many; a longer one shows PostgreSQL's estimate
# and says so (config.pagination).
EXACT_COUNT_LIMIT = env.int("EXACT_COUNT_LIMIT", default=1000)
API_THROTTLE_RATES = {
    "user": env.str("API_THROTTLE_RATE", default="300/minute") or None,
    "failed_token": env.str("API_FAILED_TOKEN_RATE", default="20/hour") or None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Detainee case tracker API",
    "DESCRIPTION": "Cases of nationals detained abroad: detainees, legal facts, consular "
    "visits, sources and the ingest review queue.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema and its browsable docs are for signed-in users and token holders only.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "config.api.document_empty_query_values",
    ],
    # One name per choice set in the API schema.
    "ENUM_NAME_OVERRIDES": {
        "CountryEnum": "config.api.country_choices",
        "DetaineeStatusEnum": "cases.constants.DetaineeStatus",
        "CaseStatusEnum": "cases.constants.CaseStatus",
        "ExtraditionStatusEnum": "cases.constants.ExtraditionStatus",
        "FacilityKindEnum": "cases.constants.FacilityKind",
        "SourceKindEnum": "cases.constants.SourceKind",
        "ChargeCategoryEnum": "cases.constants.ChargeCategory",
        "ChargeDispositionEnum": "cases.constants.ChargeDisposition",
        "VisitKindEnum": "consular.constants.VisitKind",
        "VisitOutcomeEnum": "consular.constants.VisitOutcome",
        "ArticleStateEnum": "ingest.constants.ArticleState",
        "DraftStatusEnum": "ingest.constants.DraftStatus",
    },
}

# Seconds a client is told to wait (Retry-After) when the database cannot be reached.
UNAVAILABLE_RETRY_AFTER_SECONDS = env.int("UNAVAILABLE_RETRY_AFTER_SECONDS", default=30)

# --- Domain knobs
# A detainee with no completed visit for longer than this is overdue for one.
CONSULAR_VISIT_INTERVAL_DAYS = env.int("CONSULAR_VISIT_INTERVAL_DAYS", default=90)
# The cadence that applies while administrators have stored no cadence rule (the admin's
# "Cadence rules"; the default rule is made from these values).
CADENCE_FIRST_CONTACT_HOURS = env.int("CADENCE_FIRST_CONTACT_HOURS", default=24)
CADENCE_FIRST_VISIT_DAYS = env.int("CADENCE_FIRST_VISIT_DAYS", default=14)
CADENCE_DUE_SOON_DAYS = env.int("CADENCE_DUE_SOON_DAYS", default=14)

# --- Reminders: the daily digest by email and the calendar feeds
# Mail goes to the console unless a real backend is set, e.g.
# django.core.mail.backends.smtp.EmailBackend with EMAIL_HOST and friends.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="casework@localhost")
# The address of the site, for links in email and calendar events.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
CALENDAR_UID_DOMAIN = env.str("CALENDAR_UID_DOMAIN", default="case-tracker.invalid")
# The hour (TIME_ZONE) the digest goes out, and how many days ahead it looks.
DIGEST_HOUR = env.int("DIGEST_HOUR", default=7)
DIGEST_HORIZON_DAYS = env.int("DIGEST_HORIZON_DAYS", default=7)

# System checks to silence, e.g. the HTTPS checks of `check --deploy` on a plain-HTTP test
# server behind no proxy. Empty in production.
SILENCED_SYSTEM_CHECKS = env.list("SILENCED_SYSTEM_CHECKS", default=[])

# --- Sign-in throttling (django-axes): after SIGNIN_FAILURE_LIMIT failed sign-ins for one
# username, or from one address, sign-in is refused (429) for SIGNIN_LOCKOUT_MINUTES.
AXES_ENABLED = env.bool("SIGNIN_THROTTLE", default=True)
AXES_FAILURE_LIMIT = env.int("SIGNIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("SIGNIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "config.signin.signin_locked_out"
AXES_CLIENT_IP_CALLABLE = "config.signin.client_address"
AXES_VERBOSE = False

# Throttle counters. The default lives in each process's memory; with several processes
# (gunicorn workers) point it at Redis so that they share one count.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
# How long a detainee's detail answer is kept in that cache (0: not cached). Its key is
# what the answer is made of (cases.detail_cache), so a change shows at once whatever this
# is; it only bounds how long an answer nobody reads again takes room.
API_DETAIL_CACHE_SECONDS = env.int("API_DETAIL_CACHE_SECONDS", default=3600)

# Django first applies its own defaults, whose "django" logger prints to the console when
# DEBUG is on and then passes each record up to the root logger, which printed it again.
# Here "django" prints once, through the root's handler; "django.server" (the development
# server's request lines) prints with its time, and does not pass them up.
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "server": {"class": "logging.StreamHandler", "formatter": "server"},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
        "django.server": {"handlers": ["server"], "level": "INFO", "propagate": False},
    },
}

# --- Ingest: articles in, drafts out
# host:port pairs that may be fetched even though they resolve to a private or loopback
# address (a test server on 127.0.0.1). Empty in production.
INGEST_FETCH_ALLOWED_HOSTS = env.list("INGEST_FETCH_ALLOWED_HOSTS", default=[])
INGEST_FETCH_TIMEOUT_SECONDS = env.float("INGEST_FETCH_TIMEOUT_SECONDS", default=10.0)
INGEST_FETCH_DEADLINE_SECONDS = env.float("INGEST_FETCH_DEADLINE_SECONDS", default=30.0)
INGEST_FETCH_MAX_REDIRECTS = env.int("INGEST_FETCH_MAX_REDIRECTS", default=5)
INGEST_FETCH_MAX_RETRIES = env.int("INGEST_FETCH_MAX_RETRIES", default=3)
# Largest page, feed, uploaded file or pasted text accepted, in bytes.
INGEST_MAX_DOCUMENT_BYTES = env.int("INGEST_MAX_DOCUMENT_BYTES", default=5_000_000)
# The largest request body read into memory (Django's default is 2.5 MB). An article of the
# size above must fit however it is sent: a form encodes each byte of non-Latin text as up to
# three (`%D0`), JSON as up to six (`\u0416` for two bytes), so three times the article plus
# room for the other fields. Larger bodies answer 413 (the API) or keep the form (the pages).
DATA_UPLOAD_MAX_MEMORY_SIZE = 3 * INGEST_MAX_DOCUMENT_BYTES + 1_000_000
# Longest wait between two tries of a transient fetch failure (plus up to a quarter of
# jitter).
INGEST_RETRY_MAX_SECONDS = env.int("INGEST_RETRY_MAX_SECONDS", default=1800)
# A worker's claim on an article older than this counts as abandoned: the sweeper requeues
# the article. Longer than the hard time limit, so a running task never loses its claim.
INGEST_CLAIM_TIMEOUT_SECONDS = env.int("INGEST_CLAIM_TIMEOUT_SECONDS", default=600)
INGEST_SWEEP_SECONDS = env.int("INGEST_SWEEP_SECONDS", default=120)
INGEST_FEED_POLL_SECONDS = env.int("INGEST_FEED_POLL_SECONDS", default=900)
# How often the dashboard's figures are counted anew into the summary rows (stats app).
STATS_REFRESH_SECONDS = env.int("STATS_REFRESH_SECONDS", default=60)
CELERY_BEAT_SCHEDULE = {
    "ingest-poll-feeds": {
        "task": "ingest.tasks.poll_feeds",
        "schedule": float(INGEST_FEED_POLL_SECONDS),
    },
    "ingest-requeue-stale-articles": {
        "task": "ingest.tasks.requeue_stale_articles",
        "schedule": float(INGEST_SWEEP_SECONDS),
    },
    "casework-daily-digests": {
        "task": "casework.tasks.send_daily_digests",
        "schedule": crontab(hour=DIGEST_HOUR, minute=0),
    },
    "stats-summaries-refresh": {
        "task": "stats.tasks.summaries_refresh",
        "schedule": float(STATS_REFRESH_SECONDS),
        # A count that starts after the next one is due is skipped, not queued behind it.
        "options": {"expires": float(STATS_REFRESH_SECONDS)},
    },
}
if not (
    CELERY_TASK_SOFT_TIME_LIMIT < CELERY_TASK_TIME_LIMIT < INGEST_CLAIM_TIMEOUT_SECONDS
    and CELERY_TASK_TIME_LIMIT + INGEST_RETRY_MAX_SECONDS * 1.25 < CELERY_VISIBILITY_TIMEOUT_SECONDS
):
    raise ImproperlyConfigured(
        "Celery limits out of order: soft time limit < hard time limit < "
        "INGEST_CLAIM_TIMEOUT_SECONDS, and hard time limit + 1.25 x INGEST_RETRY_MAX_SECONDS "
        "< CELERY_VISIBILITY_TIMEOUT_SECONDS."
    )
