#!/usr/bin/env bash
# The project's test command (README; CI runs it through .ci/run). On a fresh machine it creates
# the virtual environment from pyproject.toml, prepares the real-editor tests when their setup
# script is present (apt packages, npm ci, the .vsix, code-server), then runs every test.
# Arguments are passed to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]' 2>&1 | grep -v "is ignored" || true

if [ -f tests/editors/setup.sh ] && [ "${CONNECTOR_LINT_SKIP_EDITORS:-0}" != "1" ]; then
  bash tests/editors/setup.sh
fi

exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
