"""Where the tests find the CI tools that are not Python packages.

gitlab-ci-local is an npm package: `.ci/run` installs it (with node, npm and rsync when they
are missing) into a tools folder outside the repository, `$CAMKET_TOOLS`, by default
~/.cache/camket/tools, kept between runs. actionlint comes with the test extras (it is a
binary inside a wheel). A test that needs a tool that is not there skips, saying how to get it.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

GITLAB_CI_LOCAL = "4.60"
TOOLS = Path(os.environ.get("CAMKET_TOOLS") or Path.home() / ".cache" / "camket" / "tools")


def gitlab_ci_local() -> tuple[str | None, str]:
    """(the command, '') or (None, why it cannot run)."""
    for tool in ("node", "rsync", "git"):
        if shutil.which(tool) is None:
            return None, f"{tool} is not installed (.ci/run installs it with apt)"
    local = TOOLS / "npm" / "node_modules" / ".bin" / "gitlab-ci-local"
    found = str(local) if local.is_file() else shutil.which("gitlab-ci-local")
    if found is None:
        return None, (
            f"gitlab-ci-local is not installed: run .ci/run, or npm install --prefix "
            f"{TOOLS / 'npm'} gitlab-ci-local@{GITLAB_CI_LOCAL}"
        )
    return found, ""


def actionlint() -> tuple[str | None, str]:
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which(
        "actionlint"
    )
    if found is None:
        return None, "actionlint is not installed (it is in the test extras: pip install '.[test]')"
    return found, ""
