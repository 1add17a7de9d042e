"""Third-party tools against the committed contract: generated clients and schemathesis 4.

The tools live in their own environment (`make contract-tools`, from requirements.txt here),
since the test suite pins schemathesis 3.x. `make test` says where it is (`CONTRACT_TOOLS`);
without it these tests are skipped, so a plain `pytest` still runs everywhere.

Each server is the one the browser tests use: `runserver` on a free loopback port over a fresh
SQLite database with the demo network (tests/browser/conftest.py), so the clients sign in with
the demo accounts' published passwords.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.browser.conftest import Api, prepare_api, running_api
from tests.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "openapi" / "openapi.yaml"
DATABASE = "e2e.sqlite3"


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.clients)


@pytest.fixture(scope="session")
def contract_tools() -> Path:
    """The `bin/` of the contract tools' environment."""
    venv = os.environ.get("CONTRACT_TOOLS")
    if not venv:
        pytest.skip(
            "the contract tools are not installed: `make contract-tools`, then CONTRACT_TOOLS=.venv-contract"
        )
    bin_dir = (ROOT / venv / "bin").resolve()
    assert (bin_dir / "python").exists(), f"{venv} is not a virtual environment: run `make contract-tools`"
    return bin_dir


def run_tool(bin_dir: Path, args: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess:
    """Run a tool of the contract environment with its `bin/` first on PATH (generators call ruff)."""
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def demo_database() -> Iterator[tuple[dict, Path]]:
    """The server environment and a folder holding the prepared demo database, made once."""
    var_dir = Path(tempfile.mkdtemp(prefix="waypoint-contract-"))
    try:
        env = prepare_api(var_dir, free_port())
        # Tokens outlive a whole schemathesis run.
        yield {**env, "JWT_ACCESS_MINUTES": "60"}, var_dir
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


@contextmanager
def fresh_server(demo_database: tuple[dict, Path]) -> Iterator[Api]:
    """A server over its own copy of the demo database: what one run writes, the next never sees."""
    env, prepared = demo_database
    run_dir = Path(tempfile.mkdtemp(prefix="waypoint-contract-run-"))
    var_dir = run_dir / "var"
    try:
        shutil.copytree(prepared, var_dir)
        env = {**env, "WAYPOINT_VAR_DIR": str(var_dir), "DATABASE_URL": f"sqlite:///{var_dir / DATABASE}"}
        with running_api(env, free_port(), var_dir) as api:
            yield api
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)
