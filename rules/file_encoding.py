"""The file is saved as UTF-8.

## What it does
Reports a connector file that is not UTF-8: UTF-16 or UTF-32 (recognised by its byte-order mark),
or bytes that are not valid UTF-8 at all, such as a file saved as Windows-1252 (`“` is byte 0x93
there) or Latin-1.

## Why is this bad?
Microsoft's tools read connector files as UTF-8: `paconn` opens them as UTF-8 and the
certification pipeline's validator does the same, so a UTF-16 file is rejected as invalid JSON
and a Windows-1252 file's quotes and accented letters turn into replacement characters or errors.
connector-lint decodes such a file only to check it: UTF-16 and UTF-32 by their byte-order mark,
anything else as Latin-1.

## Example
`apiDefinition.swagger.json` saved by Notepad as "Unicode" (UTF-16 LE, starting with bytes
`FF FE 7B 00`), or a description typed as `Caf\xe9` in Windows-1252.

## Use instead
The same text saved as UTF-8 (in VS Code: "Save with Encoding", then "UTF-8").

## Fix
None: `--fix` and fix-all leave a file that is not UTF-8 untouched (rewriting it would change
bytes the fix is not about). Convert it in your editor, then fix the rest.
"""

from ._api import Rule, Severity

# Reported by the command line when it reads the file (connector_lint.cli), not by a check of its own.
RULE = Rule(
    id="file-encoding",
    summary="The file is saved as UTF-8.",
    severity=Severity.ERROR,
    category="syntax",
    docs=__doc__,
    check=None,
)
