#!/bin/sh
# Applies database migrations, then runs the command (gunicorn by default).
# With several backend containers, let one migrate: set MIGRATE_ON_START=0 on the others.
set -eu
cd /app
if [ "${MIGRATE_ON_START:-1}" = "1" ]; then
    python backend/manage.py migrate --noinput
fi
exec "$@"
