"""gunicorn settings for Working Together (read automatically from the working directory).

    .venv/bin/gunicorn --bind 127.0.0.1:8000

WEB_CONCURRENCY (gunicorn's own variable) sets the number of worker processes; the default is
2 x CPU cores + 1, at most 8. Any setting here can be overridden on the command line or in
GUNICORN_CMD_ARGS. docs/deploy/README.md explains each choice.
"""

import multiprocessing
import os

wsgi_app = "copro.wsgi:application"
bind = ["127.0.0.1:8000"]


def _workers() -> int:
    raw = os.environ.get("WEB_CONCURRENCY", "").strip()
    if raw:
        return int(raw)
    return min(2 * multiprocessing.cpu_count() + 1, 8)


workers = _workers()
# A request still running after 30 seconds is stuck: the worker is killed and replaced, and its
# open transaction rolls back. On restart or reload, workers get as long to finish their requests.
timeout = 30
graceful_timeout = 30
# The load balancer closes idle connections first.
keepalive = 5
# The control socket is not used; off, so that two instances on one host do not share one path.
control_socket_disable = True

# No access log by default: request paths can carry secret tokens (sign-in links, invitations,
# calendar feeds), and the app already logs what matters as JSON with a request id (LOG-4).
accesslog = None
# gunicorn's own messages (start, worker exits, timeouts) as JSON lines on standard error.
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "copro.core.logging.JsonFormatter"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        }
    },
    "root": {"level": "INFO", "handlers": ["stderr"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["stderr"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["stderr"], "propagate": False},
    },
}
