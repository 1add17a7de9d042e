"""gunicorn as Waypoint runs it: in the container (deploy/Dockerfile) and in `make prod-smoke`.

Workers: WEB_CONCURRENCY, which gunicorn reads itself. No access log: the server records no
client addresses. Slow clients are nginx's to buffer (deploy/nginx/default.conf.template);
sync workers behind it only ever talk to nginx.
"""

import os
from pathlib import Path

wsgi_app = "waypoint.wsgi:application"
# The code runs from backend/, so files that are not Python modules (templates) are found.
chdir = str(Path(__file__).resolve().parents[1] / "backend")
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
timeout = 60
# Running requests may finish for this long after a stop (docker-compose.yml waits 30 s).
graceful_timeout = 20
control_socket_disable = True
