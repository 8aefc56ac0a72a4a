"""The submission package has the structure certification expects.

## What it does
`connector-lint check PACKAGE.zip` (or a folder laid out like it) checks the layout that
Microsoft's `scripts/ConnectorPackageValidator.ps1` enforces, level by level, and reports each
problem with its certification policy code:
- the package holds `intro.md` (5000.1.1.2) and one package zip (5000.1.1.5) at its top, and no
  folder (5000.1.1.11: usually the folder around the files was zipped);
- the package zip holds one folder, `PkgAssets` (5000.1.1.12), with solution zips (5000.1.1.13):
  two, the connector and flow solutions, or three with a Copilot plugin (5000.1.1.6);
- each solution has `[Content_Types].xml`, `customizations.xml` and `solution.xml` and parses
  (5000.1.1.16), and the folders `customizations.xml` declares: `Connector/`, `Workflows/`
  (5000.1.1.14), `aiplugins/` and `aipluginoperations/` (5000.1.1.10);
- the workflows listed in `customizations.xml` and the JSON files in `Workflows/` agree
  (5000.1.1.15);
- one solution holds only the connector (5000.1.1.8) and one holds the connector and a flow
  (5000.1.1.7);
- the connector's `Connector/` folder has its API definition (5000.1.1.3) and icon (5000.1.1.1).

Then it lints the connector found there (its `*_openapidefinition.json`, script and icon) with the
other rules, reporting paths inside the archive: `PACKAGE.zip!/package.zip!/PkgAssets/Connector.zip!/Connector/x_openapidefinition.json:12:5`.
The connector's other policy (5000.1.1.17, a valid connector) is the sum of those rules.

Archives are read in memory, never extracted: an entry whose name leads outside the archive
(zip slip) is reported and ignored, and more than 10,000 entries, 256 MB in all, or an entry that
expands more than 200 times stop the check with a finding.

## Why is this bad?
Certification unpacks the package the same way and rejects it at the first level that does not
match, with a generic "Invalid package structure". Checking it before submitting saves a review
round trip of several days.

## Example
```
package.zip
  MyConnector/            <- the folder was zipped, not its contents
    intro.md
    MyConnector.zip
```

## Use instead
```
package.zip
  intro.md
  MyConnector.zip
    PkgAssets/
      ConnectorSolution.zip
      FlowSolution.zip
```

## Fix
None: export the solutions again and rebuild the zip from the folder's contents.
"""

from ._api import Rule, Severity

RULE = Rule(
    id="package-structure",
    summary="The submission package has the structure certification expects.",
    severity=Severity.ERROR,
    category="certification",
    docs=__doc__,
    check=None,  # run by `connector-lint check PACKAGE.zip` (connector_lint.package), not on a connector
)
