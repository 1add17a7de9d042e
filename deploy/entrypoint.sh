#!/bin/sh
# Applies database migrations, then runs the command (gunicorn by default). The container
# runs it from /app; `make prod-smoke` from the checkout (WAYPOINT_HOME).
# With several backend containers, let one migrate: set MIGRATE_ON_START=0 on the others.
set -eu
cd "${WAYPOINT_HOME:-/app}"
if [ "${MIGRATE_ON_START:-1}" = "1" ]; then
    python backend/manage.py migrate --noinput
fi
exec "$@"
