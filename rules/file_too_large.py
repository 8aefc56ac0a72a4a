"""A connector file is small enough for connector-lint to read and check.

## What it does
Reports a connector file (the swagger, apiProperties.json, settings.json, script.csx, icon.png)
that connector-lint did not check because of its size: over 64 MB on disk, it is not read at all
(`connector-lint check`); over 4 MB in the editor, it is not checked as you type (the command line
checks it). No other rule runs on the connector then, so this finding says that nothing else was
checked. Each message names the platform's own limit for that kind of file, where there is one.

## Why is this bad?
A file that size is far beyond what the platform accepts (1 MB for a swagger, 1 MB for
script.csx), and connector-lint's other findings are missing. `swagger-size` is the platform's
1 MB limit for a swagger that was read and checked.

## Example
A 70 MB `apiDefinition.swagger.json` produced by an OpenAPI generator with every schema inlined.

## Use instead
Connector files within the platform's limits: a swagger under 1 MB (split the connector), an
icon.png under 1 MB.

## Fix
None.
"""

from ._api import Rule, Severity

# Reported by the command line when it looks at a file's size before reading it
# (connector_lint.cli) and by the language server (connector_lint.incremental), not by a check of its
# own; both take the id from connector_lint.workspace.TOO_LARGE_RULE.
RULE = Rule(
    id="file-too-large",
    summary="A connector file is small enough for connector-lint to read and check.",
    severity=Severity.ERROR,
    category="internal",
    docs=__doc__,
    check=None,
)
