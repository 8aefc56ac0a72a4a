from ruletester import api_properties, case, err, rule_table

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import FileKind, Preset, RuleContext, Severity

TEMPLATE = """# Contoso Tasks
Contoso Tasks helps teams plan and track their work. The connector creates and reads tasks.

## Publisher: Contoso

## Prerequisites
A Contoso Tasks subscription.

## Supported Operations
### Get a task
Gets one task.

## Obtaining Credentials
Create an API key in the Contoso portal.

## Known Issues and Limitations
None so far.

## Deployment Instructions
Use the paconn CLI.
"""

LOOSE = """Contoso Tasks
=============
Publisher: Contoso

Pre-requisites
--------------
An account.

### Supported Actions
### How to get credentials
### Limitations
### Deploying the connector
"""


def without(section):
    lines = TEMPLATE.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("## ") and section in line)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return "".join(lines[:start] + lines[end:])


def readme_err(contains):
    return err("", contains, file=FileKind.README)


test_readme = rule_table(
    "readme",
    valid=[
        case("the template's sections", readme=TEMPLATE, api_properties=api_properties()),
        case("other names and underlined headings", readme=LOOSE, api_properties=api_properties()),
        case("deployment instructions are optional for independent publishers",
             readme=without("Deployment"), preset=Preset.INDEPENDENT_PUBLISHER, api_properties=api_properties()),
    ],
    invalid=[
        case("no readme", api_properties=api_properties(), errors=[readme_err("no readme.md")]),
        case("no known issues section", readme=without("Known Issues"), api_properties=api_properties(),
             errors=[readme_err("no section for: Known Issues and Limitations.")]),
        case("several sections missing", readme="# Contoso\nSome text.\n## Operations\n",
             errors=[readme_err("Publisher, Prerequisites, Obtaining Credentials, Known Issues and Limitations, "
                                "Deployment Instructions")]),
        case("a word in the text is not a heading", readme=without("Prerequisites") + "\nprerequisites: none\n",
             errors=[readme_err("Prerequisites")]),
    ],
)


def test_missing_sections_are_information_and_a_missing_file_the_rule_severity():
    rule = rules_by_id()["readme"]
    (missing,) = run_rule(rule, RuleContext(readme="# Contoso\n"))
    (absent,) = run_rule(rule, RuleContext())
    assert missing.severity is Severity.INFORMATION and absent.severity is None
    assert rule.severity is Severity.WARNING and rule.severity_for(Preset.CUSTOM) is Severity.OFF
