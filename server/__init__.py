"""connector-lint: static analysis for Microsoft Power Platform custom connectors."""

__version__ = "0.1.0"
