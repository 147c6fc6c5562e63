"""Every command the README shows works exactly as written after `make demo`.

The demo is run the way `make demo` runs it (the venv's `eventwire` script, the sample
corpus), in a scratch folder holding a copy of `examples/`; then each `eventwire ...` line
of the README's code blocks, the commands the demo prints as next steps, and the README's
Python example run there with the venv's `bin` first on the PATH (what `source
.venv/bin/activate` does). `serve` is started, answered and stopped.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.slow


def code_blocks(text: str) -> list[tuple[str, str]]:
    """(language, body) of every fenced block."""
    return re.findall(r"^```(\w*)\n(.*?)^```", text, flags=re.S | re.M)


def readme_commands() -> list[str]:
    lines = [
        ln for lang, body in code_blocks(README.read_text()) if not lang for ln in body.splitlines()
    ]
    return [re.sub(r"\s+#.*$", "", ln).strip() for ln in lines if ln.startswith("eventwire ")]


def readme_python() -> str:
    (body,) = [body for lang, body in code_blocks(README.read_text()) if lang == "python"]
    return body


def test_the_readme_shows_commands_to_check() -> None:
    commands = readme_commands()
    assert len(commands) >= 8 and any(c.startswith("eventwire serve") for c in commands)


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], str]:
    if not (BIN / "eventwire").exists():
        pytest.skip("the eventwire script is not installed in this environment")
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "examples", folder / "examples")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("EVENTWIRE_DB", None)
    demo = subprocess.run(
        [str(BIN / "eventwire"), "demo", "--db", "eventwire.db", "--corpus", "examples/corpus",
         "-o", "eventwire-export.jsonl"],
        cwd=folder, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert demo.returncode == 0, demo.stderr
    return folder, env, demo.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(command: str, folder: Path, env: dict[str, str]) -> None:
    if command.startswith("eventwire serve"):
        _serve(command, folder, env)
        return
    done = subprocess.run(command, shell=True, cwd=folder, env=env, capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, (command, done.stdout[-2000:], done.stderr[-2000:])
    assert "Traceback" not in done.stderr


def _serve(command: str, folder: Path, env: dict[str, str]) -> None:
    port = _free_port()  # the README's default port may be taken on a shared machine
    server = subprocess.Popen(
        command, shell=True, cwd=folder, env={**env, "EVENTWIRE_PORT": str(port)},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as reply:
                    assert reply.status == 200
                    return
            except OSError:
                assert time.monotonic() < deadline, "server did not answer"
                time.sleep(0.5)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


@pytest.mark.parametrize("command", readme_commands())
def test_readme_command_works_after_the_demo(demo_folder, command: str) -> None:
    folder, env, _ = demo_folder
    _run(command, folder, env)


def test_the_commands_the_demo_prints_work(demo_folder) -> None:
    folder, env, stdout = demo_folder
    printed = [
        re.sub(
            r"\s+\(.*\)$", "", line.split(":", 1)[1] if line.startswith("next:") else line
        ).strip()
        for line in stdout.splitlines()
        if "eventwire " in line and (line.startswith("next:") or line.startswith("        "))
    ]
    assert len(printed) == 2 and printed[1].endswith("serve --db eventwire.db")
    for command in printed:
        # as printed: the venv's script by its path (not on the PATH yet)
        assert Path(command.split()[0]).name == "eventwire"
        _run(command.replace(command.split()[0], "eventwire", 1), folder, env)


def test_the_readme_python_example_works(demo_folder) -> None:
    folder, env, _ = demo_folder
    done = subprocess.run(
        [sys.executable, "-c", readme_python()], cwd=folder, env=env, capture_output=True,
        text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Qaddafi" in done.stdout or "Gaddafi" in done.stdout
    assert (folder / "haftar.csv").read_text().startswith("event_id_cnty,")
