"""Environment-driven settings: safe development defaults, production values from the environment.

Every knob an operator may turn is read here through the typed helpers in `env`, so a
typo in a deployment fails at start-up instead of being silently ignored.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import development_secret_key, env_bool, env_int, env_list, env_str

BACKEND_DIR = Path(__file__).resolve().parents[2]
PROJECT_DIR = BACKEND_DIR.parent
VAR_DIR = Path(env_str("WAYPOINT_VAR_DIR", str(PROJECT_DIR / "var")))

# ---------------------------------------------------------------------------
# Core
# ---------------------------------------------------------------------------
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY") or development_secret_key(VAR_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
ROOT_URLCONF = "waypoint.urls"
WSGI_APPLICATION = "waypoint.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LANGUAGE_CODE = "en"
# The app's languages: problem details (validation messages) speak the one the app asks for
# in Accept-Language, so a coordinator reads them in the language of the form.
LANGUAGES = [("en", "English"), ("ru", "Русский"), ("uk", "Українська"), ("de", "Deutsch")]
LOCALE_PATHS = [BACKEND_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# The domain apps; each serves its `urls.py` under /api/v1/ (see waypoint/urls.py).
API_APPS = [
    "accounts",
    "countries",
    "organizations",
    "changes",
    "sync",
    "resources",
    "campaigns",
    "funding",
    "documents",
    "search",
    "inbox",
    "alerts",
    "webhooks",
    "mail",
]

# The order /search/ lists its types in, as the published contract has it; each app
# registers its own type, and a type not named here follows in registration order.
SEARCH_TYPE_ORDER = ["document", "organization", "contact_point", "country", "resource", "event"]

INSTALLED_APPS = [
    "accounts.admin_site.WaypointAdminConfig",  # the admin, its login throttled like the API's
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "drf_standardized_errors",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "core",
    "jobs",
    *API_APPS,
    "hsds",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before any middleware that reads the query string, which may refuse it (too many fields).
    "core.api_root.ApiErrorsAsProblemsMiddleware",
    "core.translations.ReaderLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "changes.middleware.ChangeActorMiddleware",
    "core.middleware.NoStoreForAuthenticatedMiddleware",
    # Last: its process_view may answer a retried write itself, after the others have run.
    "core.idempotency.IdempotencyMiddleware",
]

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
            ],
        },
    },
]

# ---------------------------------------------------------------------------
# Database: SQLite file in var/ unless DATABASE_URL says otherwise
# ---------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'waypoint.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A server that accepts no connection (stopped, overloaded) costs a request this long at most.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env_int("DATABASE_CONNECT_TIMEOUT", 5)
# While the database or the cache does not answer, requests get 503 with this Retry-After (core/outage.py).
OUTAGE_RETRY_AFTER_SECONDS = env_int("OUTAGE_RETRY_AFTER_SECONDS", 10)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers queue instead of failing with "database is locked": a transaction takes
    # the write lock when it begins (a deferred one that reads first cannot wait for it when it
    # upgrades), waits up to the busy timeout for it, and WAL lets readers go on meanwhile.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_BUSY_TIMEOUT_SECONDS", 20),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

# ---------------------------------------------------------------------------
# Cache (throttle state, login attempts): Redis when REDIS_URL is set, process memory while
# it does not answer (core/cache.py)
# ---------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    _redis_timeout = env_int("REDIS_TIMEOUT_MS", 250) / 1000
    CACHES = {
        "default": {
            "BACKEND": "core.cache.FallbackRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_timeout": _redis_timeout,
                "socket_connect_timeout": _redis_timeout,
                "RETRY_SECONDS": env_int("REDIS_RETRY_SECONDS", 15),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# ---------------------------------------------------------------------------
# Static and uploaded files
# ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": env_str("FILE_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
AWS_STORAGE_BUCKET_NAME = env_str("S3_BUCKET")
AWS_S3_ENDPOINT_URL = env_str("S3_ENDPOINT_URL") or None
AWS_DEFAULT_ACL = None
AWS_QUERYSTRING_AUTH = True
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# ---------------------------------------------------------------------------
# Logging: no client IP addresses (docs/design.md, "Safety for people at risk")
# ---------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A database or cache outage logs one line per request, not a traceback (core/unavailable.py).
    "filters": {"short_outages": {"()": "core.unavailable.ShortOutageRecords"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["short_outages"]},
        "discard": {"class": "logging.NullHandler"},
    },
    "loggers": {
        # The development server logs every request line (paths, search terms) and, with no
        # handler at all, Python would still print its errors: send them nowhere.
        "django.server": {"handlers": ["discard"], "level": "ERROR", "propagate": False},
        "django": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
        "waypoint": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    },
}

# ---------------------------------------------------------------------------
# Django REST framework, errors and schema
# ---------------------------------------------------------------------------
API_MAX_PAGE_SIZE = 100
# A write (PUT, PATCH, DELETE) of an object that has an ETag without `If-Match` is refused
# with 428 instead of overwriting blindly (core/conditional.py).
REQUIRE_IF_MATCH = env_bool("REQUIRE_IF_MATCH", False)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["accounts.authentication.RevocableJWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["core.permissions.RoleWritePermission"],
    "DEFAULT_PAGINATION_CLASS": "core.pagination.CappedPageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "core.negotiation.ProblemAwareContentNegotiation",
    "DEFAULT_PARSER_CLASSES": ["core.parsers.BoundedJSONParser"],
    "DEFAULT_SCHEMA_CLASS": "core.schema.AutoSchema",
    "EXCEPTION_HANDLER": "drf_standardized_errors.handler.exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        # Failed sign-ins: per address, per client and username, per username (accounts/throttles.py).
        "login_ip": env_str("THROTTLE_LOGIN_IP", "20/min"),
        "login_failures": env_str("THROTTLE_LOGIN_FAILURES", "5/min"),
        "login_username": env_str("THROTTLE_LOGIN_USERNAME", "20/hour"),
        "invitation_accept": env_str("THROTTLE_INVITATION_ACCEPT", "10/min"),
        # Invitation e-mails per address, created or resent, whoever asks (accounts/throttles.py).
        "invitation_email": env_str("THROTTLE_INVITATION_EMAIL", "5/day"),
        # Webhook test events per coordinator: each is a request and a job (webhooks/views.py).
        "webhook_test": env_str("THROTTLE_WEBHOOK_TEST", "20/hour"),
    },
    "NUM_PROXIES": env_int("NUM_PROXIES", 0),
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

DRF_STANDARDIZED_ERRORS = {
    "EXCEPTION_FORMATTER_CLASS": "core.errors.ProblemDetailsFormatter",
    "EXCEPTION_HANDLER_CLASS": "core.errors.ProblemDetailsExceptionHandler",
    "ALLOWED_ERROR_STATUS_CODES": ["400", "401", "403", "404", "405", "406", "413", "415", "429"],
    # How the schema writes a list item's and an object key's place in an error's `attr`
    # (core.schema spells them out: `languages.<index>` is `languages.0` in an answer).
    "LIST_INDEX_IN_API_SCHEMA": "<index>",
    "DICT_KEY_IN_API_SCHEMA": "<key>",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Waypoint API",
    "DESCRIPTION": (
        "Coordination API of a network of organizations that counsel and support "
        "conscientious objectors and deserters from Russia, Belarus and Ukraine.\n\n"
        "Visibility: `public` objects are readable anonymously; `network` objects by any "
        "active member of the network; `restricted` objects by members of the owning "
        "organization. Anything a caller may not see answers 404.\n\n"
        "Errors are JSON problem details (RFC 9457) with one entry per invalid field."
    ),
    "VERSION": "1.0.0",
    "CONTACT": {"name": "The network office of Waypoint"},
    # Relative: clients and the docs pages call the server that serves them the schema.
    "SERVERS": [{"url": "/", "description": "The server this description is served from."}],
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No online validator badge: it would send the schema address to a third party.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "ENUM_NAME_OVERRIDES": {
        "Visibility": "core.visibility.Visibility.choices",
        "CountryCode": "core.serializers.COUNTRY_CHOICES",
        "LanguageCode": "core.vocabulary.LANGUAGE_CHOICES",
        "AppLanguage": "core.vocabulary.APP_LANGUAGES",
        "Topic": "core.vocabulary.Topic.choices",
        "InvitationStatus": "accounts.models.InvitationStatus.choices",
        "MembershipRole": "accounts.models.MembershipRole.choices",
        "CurrencyCode": "core.vocabulary.CURRENCY_CHOICES",
        "ResourceKind": "resources.models.Resource.Kind",
        "ResourceStatus": "resources.models.Resource.EFFECTIVE_STATUS_CHOICES",
        "ResponseStatus": "resources.models.ResourceResponse.Status",
        "LedgerEntryKind": "funding.models.LedgerEntry.Kind",
        "NotificationKind": "inbox.models.Notification.Kind",
        "CampaignVisibility": "campaigns.models.Campaign.Level",
        "DocumentStatus": "documents.models.Document.Status",
        "OrganizationKind": "organizations.models.Organization.Kind",
        "ContactChannel": "organizations.models.ContactPoint.Channel",
        "ContactPointStatus": "organizations.models.ContactPoint.Status",
        "ResourceCategory": "resources.models.Resource.Category",
        "ChangeAction": "changes.models.Change.Action",
        "SyncResetReason": "sync.engine.ResetReason.choices",
        # The key of every synced type but countries (sync/serializers.py).
        "SyncIdKeyEnum": [("id", "id")],
        "DocumentRevisionStatus": "documents.models.DocumentRevision.Status",
        "WebhookDeliveryStatus": "webhooks.models.WebhookDelivery.Status",
        "HsdsServiceStatus": "hsds.serializers.SERVICE_STATUS_CHOICES",
    },
    "GET_LIB_DOC_EXCLUDES": "core.schema.doc_excludes",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.openapi_hooks.reference_named_enums",
        "core.openapi_hooks.type_nullable_enums",
        "core.openapi_hooks.type_nullable_objects",
        "core.schema_security.inherit_optional_token",
    ],
    "TAGS": [
        {"name": "api", "description": "Where to start: the API's entry points, schema and docs."},
        {"name": "auth", "description": "Obtain, refresh, verify and revoke JWT tokens."},
        {"name": "me", "description": "The signed-in user: profile, memberships and roles."},
        {"name": "invitations", "description": "Invite people to an organization; accept an invitation."},
        {"name": "memberships", "description": "Who belongs to which organization, in which role."},
        {"name": "users", "description": "User accounts, for the network office: deactivation."},
        {"name": "countries", "description": "Country profiles of the legal situation."},
        {"name": "organizations", "description": "Partner organizations of the network."},
        {"name": "contact-points", "description": "How to reach an organization, per channel."},
        {"name": "changes", "description": "The audit log: who changed what, when, and which fields."},
        {
            "name": "sync",
            "description": "Offline replicas and mirrors: full snapshot, then only what changed.",
        },
        {"name": "resources", "description": "Offers and requests between organizations, and their matches."},
        {"name": "responses", "description": "Answers to a resource, seen only by the two organizations."},
        {"name": "inbox", "description": "What happened for your organizations; read state per person."},
        {"name": "funding", "description": "The funding ledger; public totals."},
        {"name": "alerts", "description": "Notices of the network office, by audience, until they expire."},
        {"name": "campaigns", "description": "Joint actions of the network, such as action weeks."},
        {"name": "events", "description": "Events organizations hold, online or at a place."},
        {"name": "calendar", "description": "iCalendar feeds: per campaign, and a personal secret URL."},
        {
            "name": "documents",
            "description": "Guides and templates: review workflow, translations, versions and attachments.",
        },
        {"name": "search", "description": "Full-text search across everything you may see."},
        {
            "name": "webhooks",
            "description": (
                "Signed events (Standard Webhooks) of the changes your organization may see, sent to an "
                "HTTPS address you register; secrets are shown once. Events and verification: "
                "docs/webhooks.md."
            ),
        },
        {
            "name": "hsds",
            "description": (
                "The directory as Open Referral HSDS 3.1 (Human Services Data Specification): "
                "organizations, and their contact points as services. Read-only, under /api/hsds/."
            ),
        },
    ],
}

# ---------------------------------------------------------------------------
# Authentication: short-lived access tokens, rotating refresh tokens
# ---------------------------------------------------------------------------
SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env_int("JWT_ACCESS_MINUTES", 10)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env_int("JWT_REFRESH_DAYS", 7)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": False,
    "ALGORITHM": "HS256",
    "SIGNING_KEY": env_str("JWT_SIGNING_KEY") or SECRET_KEY,
    "AUTH_HEADER_TYPES": ("Bearer",),
    "TOKEN_OBTAIN_SERIALIZER": "accounts.tokens.SessionTokenObtainSerializer",
    "TOKEN_REFRESH_SERIALIZER": "accounts.tokens.SessionTokenRefreshSerializer",
}
JWT_REFRESH_RETRY_SECONDS = env_int("JWT_REFRESH_RETRY_SECONDS", 20)
# A login ends this many days after sign-in however often it is refreshed; ended sessions
# are kept this many days for the record, then `prune_sessions` deletes them.
JWT_SESSION_MAX_DAYS = env_int("JWT_SESSION_MAX_DAYS", 30)
JWT_SESSION_RETENTION_DAYS = env_int("JWT_SESSION_RETENTION_DAYS", 30)
INVITATION_DEFAULT_DAYS = env_int("INVITATION_DEFAULT_DAYS", 14)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# ---------------------------------------------------------------------------
# CORS: the PWA is served from its own origin
# ---------------------------------------------------------------------------
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", ["http://127.0.0.1:5173", "http://localhost:5173"])
CORS_EXPOSE_HEADERS = ["ETag", "Idempotent-Replayed"]
CORS_ALLOW_HEADERS = [
    "accept",
    "accept-language",
    "authorization",
    "content-type",
    "if-match",
    "if-none-match",
    "idempotency-key",
]

# ---------------------------------------------------------------------------
# Background jobs: Django's Tasks API on the database, run by `manage.py run_worker` (jobs/)
# ---------------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
# Each worker records that it is alive this often; a job still RUNNING on a worker silent for
# JOBS_LEASE_SECONDS is handed to another worker (jobs/recovery.py). The lease must outlast a
# few missed heartbeats, or a busy worker's job would run twice.
JOBS_HEARTBEAT_SECONDS = env_int("JOBS_HEARTBEAT_SECONDS", 10)
JOBS_LEASE_SECONDS = env_int("JOBS_LEASE_SECONDS", 60)
# Finished jobs are kept this long for the admin to inspect, then deleted daily.
JOBS_RESULT_RETENTION_DAYS = env_int("JOBS_RESULT_RETENTION_DAYS", 14)

# ---------------------------------------------------------------------------
# Webhooks (webhooks/): where they may go, how long a request may take, when to give up
# ---------------------------------------------------------------------------
# Private, loopback and reserved addresses and plain HTTP are refused (SSRF); tests lift both.
WEBHOOK_ALLOW_PRIVATE_ADDRESSES = env_bool("WEBHOOK_ALLOW_PRIVATE_ADDRESSES", False)
WEBHOOK_ALLOW_HTTP = env_bool("WEBHOOK_ALLOW_HTTP", False)
WEBHOOK_TIMEOUT_SECONDS = env_int("WEBHOOK_TIMEOUT_SECONDS", 10)
# A failed attempt is retried after 30 s, 1 min, 2 min… (at most 6 h), until this many attempts.
WEBHOOK_MAX_ATTEMPTS = env_int("WEBHOOK_MAX_ATTEMPTS", 10)
WEBHOOK_RETRY_BASE_SECONDS = env_int("WEBHOOK_RETRY_BASE_SECONDS", 30)
WEBHOOK_RETRY_MAX_SECONDS = env_int("WEBHOOK_RETRY_MAX_SECONDS", 6 * 3600)
# So many failed attempts in a row disable an endpoint, with a notice in its organization's inbox.
WEBHOOK_DISABLE_AFTER_FAILURES = env_int("WEBHOOK_DISABLE_AFTER_FAILURES", 20)
# Endpoints per organization: every change is sent to each, so their number multiplies the work.
WEBHOOK_MAX_ENDPOINTS = env_int("WEBHOOK_MAX_ENDPOINTS", 10)
# How long the delivery log keeps deliveries that ended.
WEBHOOK_DELIVERY_RETENTION_DAYS = env_int("WEBHOOK_DELIVERY_RETENTION_DAYS", 30)

# ---------------------------------------------------------------------------
# E-mail: sent only by background jobs (mail/), never inside a request. Without EMAIL_HOST (or
# with DEBUG) messages are printed to the console instead of sent.
# ---------------------------------------------------------------------------
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = (
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG or not EMAIL_HOST
    else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
# STARTTLS on the submission port by default; EMAIL_USE_SSL for implicit TLS (port 465) instead.
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", not EMAIL_USE_SSL)
if EMAIL_USE_SSL and EMAIL_USE_TLS:
    raise ImproperlyConfigured("Set EMAIL_USE_TLS (STARTTLS) or EMAIL_USE_SSL (implicit TLS), not both.")
EMAIL_PORT = env_int("EMAIL_PORT", 465 if EMAIL_USE_SSL else 587)
# A server that does not answer holds a worker this many seconds at most; the job is retried.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Waypoint <waypoint@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where people open the app: the only address e-mails link to (the invitation's accept link).
APP_BASE_URL = env_str("APP_BASE_URL", "http://127.0.0.1:5173").rstrip("/")

# ---------------------------------------------------------------------------
# Domain
# ---------------------------------------------------------------------------
CONTACT_STALE_DAYS = env_int("CONTACT_STALE_DAYS", 180)
COUNTRY_PROFILE_STALE_DAYS = env_int("COUNTRY_PROFILE_STALE_DAYS", 365)
# A CSV import of contact points is one transaction in one request: bounded, so it holds its
# locks briefly and ends well inside gunicorn's timeout (7-20 ms a row: docs/benchmarks.md).
CSV_IMPORT_MAX_BYTES = env_int("CSV_IMPORT_MAX_BYTES", 1024 * 1024)
CSV_IMPORT_MAX_ROWS = env_int("CSV_IMPORT_MAX_ROWS", 500)
CHANGE_RETENTION_DAYS = env_int("CHANGE_RETENTION_DAYS", 90)
# Snapshot pages of /sync/ built at once across every worker (beyond: 429 with Retry-After), so
# devices syncing from scratch cannot take every worker; keep it below WEB_CONCURRENCY.
SYNC_SNAPSHOT_SLOTS = env_int("SYNC_SNAPSHOT_SLOTS", 2)
SYNC_SNAPSHOT_RETRY_SECONDS = env_int("SYNC_SNAPSHOT_RETRY_SECONDS", 2)
