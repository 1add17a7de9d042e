"""The container files and `make prod-smoke` describe one deployment: same templates, same settings.

The smoke test renders deploy/nginx/*.template and starts gunicorn from deploy/gunicorn.conf.py;
these checks keep the images and docker-compose.yml from drifting away from what it tested.
"""

import re
from pathlib import Path

import yaml

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
COMPOSE = DEPLOY.parent / "docker-compose.yml"


def dockerfile_env(path: Path) -> set[str]:
    """Names an `ENV` instruction sets (the `NAME=value \\` continuation form)."""
    text = path.read_text().replace("\\\n", " ")
    names = set()
    for line in text.splitlines():
        if line.startswith("ENV "):
            names |= set(re.findall(r"([A-Z_][A-Z0-9_]*)=", line))
    return names


def test_the_nginx_image_defines_every_variable_the_templates_use():
    used = {
        name
        for template in DEPLOY.glob("nginx/*.template")
        for name in re.findall(r"\$\{([A-Z_][A-Z0-9_]*)\}", template.read_text())
    }
    assert used, "the templates use no variable"
    # The image substitutes only variables its environment defines: an undefined one would
    # stay in the configuration as a literal `${NAME}`.
    assert used <= dockerfile_env(DEPLOY / "nginx.Dockerfile")
    dockerfile = (DEPLOY / "nginx.Dockerfile").read_text()
    assert "COPY deploy/nginx/default.conf.template deploy/nginx/app-headers.inc.template" in dockerfile
    assert {p.name for p in DEPLOY.glob("nginx/*.template")} == {
        "default.conf.template",
        "app-headers.inc.template",
    }


def test_the_api_image_runs_gunicorn_as_the_smoke_test_does():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert "COPY deploy/gunicorn.conf.py ./deploy/" in dockerfile
    assert 'CMD ["gunicorn", "--config", "/app/deploy/gunicorn.conf.py"]' in dockerfile
    assert 'ENTRYPOINT ["sh", "/usr/local/bin/entrypoint.sh"]' in dockerfile
    assert "DJANGO_SETTINGS_MODULE=waypoint.settings.production" in dockerfile


def test_compose_runs_the_production_settings_with_redis_behind_nginx():
    compose = yaml.safe_load(COMPOSE.read_text())
    backend = compose["services"]["backend"]
    assert backend["build"]["dockerfile"] == "deploy/Dockerfile"
    assert backend["environment"]["DJANGO_SETTINGS_MODULE"] == "waypoint.settings.production"
    assert backend["environment"]["REDIS_URL"].startswith("redis://")
    nginx = compose["services"]["nginx"]
    assert nginx["build"]["dockerfile"] == "deploy/nginx.Dockerfile"
    assert nginx["environment"]["BACKEND_UPSTREAM"] == "backend:8000"


def test_compose_runs_the_worker_as_the_stack_test_does_from_the_backend_image_and_environment():
    compose = yaml.safe_load(COMPOSE.read_text())
    backend, worker = compose["services"]["backend"], compose["services"]["worker"]
    assert worker["build"] == backend["build"]
    assert worker["command"] == ["python", "backend/manage.py", "run_worker"]
    assert worker["environment"] == {**backend["environment"], "MIGRATE_ON_START": "0"}
    assert worker["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert worker["depends_on"]["backend"]["condition"] == "service_healthy"  # migrated first
    assert worker["stop_grace_period"] == "60s"
    servers = (Path(__file__).resolve().parents[1] / "servers.py").read_text()
    assert '"python", "backend/manage.py", "run_worker"' in servers
