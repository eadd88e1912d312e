"""JSON-lines logging with a request id on every record (LOG-1 to LOG-4).

json.dumps escapes control characters (CR, LF, ESC), so a user-supplied value can never start a
new, fake log line (LOG-3).
"""

import contextvars
import json
import logging
import re
from datetime import UTC, datetime

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

# Paths that carry a secret (an invitation, a sign-in link, a password reset, a private calendar
# feed). A refused request (a CSRF failure, a 404) is logged with its path; the secret must not be.
_SECRET_IN_PATH = re.compile(
    r"(/account/(?:invitation|sign-in/link)/|/account/reset-password/[^/\s\"']+/"
    r"|/meetings/calendar/)[^/\s\"'?.]+"
)


def redact_secrets(text: str) -> str:
    """`text` with the secret part of any such path replaced by "[hidden]"."""
    return _SECRET_IN_PATH.sub(r"\1[hidden]", text)


_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "request_id"}


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": redact_secrets(record.getMessage()),
            "request_id": getattr(record, "request_id", request_id_var.get()),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_") and key != "request":
                payload[key] = (
                    value if isinstance(value, int | float | bool) else redact_secrets(str(value))
                )
        if record.exc_info:
            payload["exception"] = redact_secrets(self.formatException(record.exc_info))
        return json.dumps(payload, ensure_ascii=True)


def install_record_factory() -> None:
    """Every log record, from any logger, carries the id of the request that made it."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "_copro", False):
        return

    def factory(*args, **kwargs):
        record = previous(*args, **kwargs)
        record.request_id = request_id_var.get()
        return record

    factory._copro = True
    logging.setLogRecordFactory(factory)
