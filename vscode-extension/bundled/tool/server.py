"""Start the bundled connector-lint language server on stdio.

The extension runs this file with the user's Python (3.10 or newer). The server and its libraries
are in ../libs; they come first on sys.path so that whatever else that Python has installed
(another pygls, say) cannot shadow them. Extra arguments are passed to `connector-lint serve`.
"""

import json
import os
import sys

LIBS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "libs")

if sys.version_info < (3, 10):
    sys.stderr.write(f"connector-lint needs Python 3.10 or newer; {sys.executable} is {sys.version.split()[0]}\n")
    sys.exit(2)

# The Pythons this platform's bundle has compiled modules for (scripts/bundle.py writes the list):
# another one would stop at an ImportError deep in jsonschema.
try:
    with open(os.path.join(LIBS, "connector-lint-bundle.json"), encoding="utf-8") as manifest:
        _BUNDLE = json.load(manifest)
except (OSError, ValueError):
    _BUNDLE = None  # a bundle built before the list existed, or a checkout: let the imports decide
_VERSION = "%d.%d" % sys.version_info[:2]
if _BUNDLE and _VERSION not in _BUNDLE.get("pythons", [_VERSION]):
    sys.stderr.write(f"connector-lint for {_BUNDLE.get('target')} runs on Python {', '.join(_BUNDLE['pythons'])}; "
                     f"{sys.executable} is {sys.version.split()[0]}. Set connectorLint.interpreter to one of those.\n")
    sys.exit(2)

sys.path.insert(0, LIBS)

# The .vsix ships bytecode for the Pythons that built it. Any other Python compiles the libraries
# once, into the folder the extension gives (its storage), not on every start.
_SHIPPED = os.path.join(LIBS, "connector_lint", "__pycache__", f"__init__.{sys.implementation.cache_tag}.pyc")
if os.environ.get("CONNECTOR_LINT_PYCACHE") and not os.path.exists(_SHIPPED):
    sys.pycache_prefix = os.environ["CONNECTOR_LINT_PYCACHE"]

if sys.argv[1:]:
    from connector_lint.cli import main  # noqa: E402  (needs the path above)

    sys.exit(main(["serve", *sys.argv[1:]]))
from connector_lint.startup import serve  # noqa: E402  (the server without the CLI's other imports)

sys.exit(serve())
