# A minimal image of Working Together: gunicorn + whitenoise on port 8000.
# CI does not build this image (no container engine on the build machines): see docs/deploy/.
#   docker build -t copro .
#   docker run --env-file copro.env -v copro-data:/data -p 8000:8000 copro
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PYTHON_DOWNLOADS=never \
    UV_LINK_MODE=copy \
    COPRO_VAR_DIR=/app/var \
    MEDIA_ROOT=/data/media \
    PATH=/app/.venv/bin:$PATH

# Pango for WeasyPrint (PDF reports); the PostgreSQL client for `copro backup` and `copro restore`.
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && pip install --no-cache-dir uv==0.13.8

WORKDIR /app
COPY pyproject.toml uv.lock README.md ./
COPY copro ./copro
COPY gunicorn.conf.py ./
RUN uv sync --locked --no-dev

# Static files are collected into the image; the key is for this build step only.
RUN SECRET_KEY=build-only-not-a-secret copro collectstatic --no-input --verbosity 0

RUN useradd --system --uid 10001 --home-dir /app copro \
    && mkdir -p /data/media \
    && chown -R copro /data
USER copro
VOLUME ["/data"]
EXPOSE 8000

CMD ["gunicorn", "--bind", "0.0.0.0:8000"]
