"""Microsoft's certification policy codes (5000.x.y.z), one home for them.

Certification reports a failed requirement as a policy code, listed on
https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-policy-errors
(5000.1 the submission package, 5000.2 the swagger, apiProperties and icon, 5000.3 the offer's
metadata). A rule carries the code of the requirement it checks (`Rule.policy_code`, or
`Finding.policy_code` for one finding); `docs/policy-coverage.md` is generated from this table and
the rules (`python -m connector_lint.policies`), and a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

PAGE = "https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-policy-errors"


@dataclass(frozen=True)
class Policy:
    code: str
    title: str  # the requirement, in a few words
    # Why no rule checks it from the connector's files; None when a rule does.
    not_checkable: str | None = None


_PARTNER_CENTER = "Entered in Partner Center with the offer, not part of the connector's files."

POLICIES: tuple[Policy, ...] = (
    # 5000.1: the submission package (checked by `connector-lint check PACKAGE.zip`: package-structure)
    Policy("5000.1.1.1", "The package contains an icon"),
    Policy("5000.1.1.2", "The package contains a readme"),
    Policy("5000.1.1.3", "The package contains the API definition"),
    Policy("5000.1.1.4", "The package contains no malware",
           "A malware scan needs a virus scanner and its signatures; a linter reads no binaries for that."),
    Policy("5000.1.1.5", "The package holds the solution package, intro.md (and customProperties.json for multi-auth)"),
    Policy("5000.1.1.6", "The package holds a flow solution and a connector solution"),
    Policy("5000.1.1.7", "A solution holds a flow that uses the connector"),
    Policy("5000.1.1.8", "A solution holds the connector"),
    Policy("5000.1.1.9", "The connector and its actions are searchable through the sample flow",
           "Searchability is observed in the Power Automate designer after import, not in the files."),
    Policy("5000.1.1.10", "The package holds every artifact the connector's deployment needs"),
    Policy("5000.1.1.11", "The package zip is at the root of the submission (no extra folder)"),
    Policy("5000.1.1.12", "The package has its package-assets folder"),
    Policy("5000.1.1.13", "The package holds solution zips"),
    Policy("5000.1.1.14", "The flow solution has a Workflows folder"),
    Policy("5000.1.1.15", "The flow solution's customizations list exactly the workflow files present"),
    Policy("5000.1.1.16", "The solution is at the right path and is a valid solution"),
    Policy("5000.1.1.17", "The connector inside the solution is valid"),  # package-structure and every rule
    # 5000.2.1: icon and brand colour
    Policy("5000.2.1.1", "The brand colour is a valid colour, not white or #007ee5"),
    Policy("5000.2.1.2", "The icon is smaller than 1 MB"),
    Policy("5000.2.1.3", "The icon is a PNG"),
    Policy("5000.2.1.4", "The icon is square, 100 to 230 pixels a side"),
    # 5000.2.2: title
    Policy("5000.2.2.1", "The title is at most 30 characters"),
    Policy("5000.2.2.2", "The title has no reserved words (API, Connector, product names)"),
    Policy("5000.2.2.3", "The title ends with a letter or a digit"),
    Policy("5000.2.2.5", "The title is unique among connectors"),
    # 5000.2.3: description
    Policy("5000.2.3.1", "The description is in English"),
    Policy("5000.2.3.2", "The description has no spelling or grammar errors"),
    Policy("5000.2.3.4", "The description is 30 to 500 characters"),
    Policy("5000.2.3.5", "The description has no restricted keywords (product names)"),
    # 5000.2.4: operations
    Policy("5000.2.4.1", "Responses declare the exact schema"),
    Policy("5000.2.4.2", "No default response with a schema"),
    Policy("5000.2.4.4", "Responses have a schema unless it is dynamic"),
    Policy("5000.2.4.5", "No empty operations"),
    # 5000.2.6: the swagger
    Policy("5000.2.6.2", "The swagger is valid OpenAPI 2.0"),
    Policy("5000.2.6.3", "The swagger is OpenAPI 2.0, not another version"),
    Policy("5000.2.6.4", "The host is a production host"),
    # 5000.3: the offer's metadata
    Policy("5000.3.1.2", "The package URI (SAS) is still valid", _PARTNER_CENTER + " The SAS expiry is in the URL."),
    Policy("5000.3.1.3", "The website URL is valid"),
    Policy("5000.3.1.4", "The support e-mail is valid"),
    Policy("5000.3.1.5", "The privacy-policy URL is valid"),
    Policy("5000.3.1.6", "The service uses HTTPS (TLS 1.2 or later)"),
)


def policies_by_code() -> dict[str, Policy]:
    return {p.code: p for p in POLICIES}


def policy_url(code: str) -> str:
    """Where a publisher reads about a code (the page has no per-code anchors)."""
    return PAGE
