# The dashboard's chart library comes from npm; only the built file and its source map are kept.
FROM node:20-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
# PyICU (needed by rigour, the name-matching library) is built from source against ICU.
RUN apt-get update \
    && apt-get install -y --no-install-recommends g++ pkg-config libicu-dev \
    && pip install --no-cache-dir -r requirements.txt \
    && apt-get purge -y g++ pkg-config && apt-get autoremove -y \
    && rm -rf /var/lib/apt/lists/*
COPY . .
COPY --from=assets /build/node_modules/chart.js/dist/chart.umd.min.js \
    /build/node_modules/chart.js/dist/chart.umd.min.js.map static/ui/vendor/
EXPOSE 8000
# Checks the settings, migrates, collects static files and starts gunicorn: the same script
# that CI runs against PostgreSQL with DEBUG off (see README, "Deployment").
CMD ["bin/start-production"]
