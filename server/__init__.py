"""connector-lint: static analysis for Microsoft Power Platform custom connectors."""

__version__ = "0.1.0"

# Where the project lives; pyproject.toml and vscode-extension/package.json carry the same address
# (tests/workflow/test_packaging.py keeps them in step). Rule pages are published under it.
REPOSITORY_URL = "https://github.com/connector-lint/connector-lint"
