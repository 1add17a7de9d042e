"""A current schemathesis finds nothing: every operation, `--checks all`, three callers.

The suite's own property test (tests/core/test_schemathesis.py) runs schemathesis 3.x in
process; this one runs the current 4.x release as a partner would, from the command line
against a live server, as an anonymous client, a coordinator and an admin. Each caller gets a
server over its own copy of the demo database, so what one run writes cannot make another
fail. Its known false positives are listed, with their reasons, in schemathesis.toml.
With SCHEMATHESIS_ALL_PHASES=1 (`make schemathesis-coverage`) the coverage phase runs too.
"""

import os
from pathlib import Path

import pytest

from tests.contract.conftest import CONTRACT, fresh_server, run_tool

CONFIG = Path(__file__).with_name("schemathesis.toml")
PHASES = "examples,fuzzing,stateful"
ALL_PHASES = "examples,coverage,fuzzing,stateful"
CALLERS = {
    "anonymous": None,
    "coordinator": ("alice", "demo-coordinator-pass"),
    "admin": ("olga", "demo-admin-pass"),
}


@pytest.mark.parametrize("caller", CALLERS)
def test_schemathesis_finds_no_failure(caller, contract_tools, demo_database, tmp_path):
    phases = ALL_PHASES if os.environ.get("SCHEMATHESIS_ALL_PHASES") else PHASES
    with fresh_server(demo_database) as api:
        credentials = CALLERS[caller]
        token = f"Bearer {api.login(*credentials)['access']}" if credentials else None
        command = ["st", "--config-file", str(CONFIG), "run", str(CONTRACT), "--url", api.origin]
        command += ["--phases", phases, *(["--header", f"Authorization: {token}"] if token else [])]
        run = run_tool(contract_tools, command, cwd=tmp_path, timeout=3600)
    assert run.returncode == 0, run.stdout[-30000:] + run.stderr[-5000:]
