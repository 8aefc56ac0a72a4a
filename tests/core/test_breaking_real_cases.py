"""Our breaking-change comparator on real update pairs where Microsoft's change validator's lines are known.

Each case is a microsoft/PowerPlatformConnectors pull request whose thread quotes the validator (see
docs/breaking-changes-report.md for the threads): the pair is the PR's squash merge on dev, parent vs
commit, read from a clone of that repository (never part of this one). Set CONNECTOR_LINT_PPC_GIT to
its git directory; the default is where the `fetch` tool puts it. Without it these tests skip.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import breaking_history as bh  # noqa: E402

CLONE = Path(os.environ.get("CONNECTOR_LINT_PPC_GIT", "/work/.mirror/microsoft+PowerPlatformConnectors/repo"))
SWAGGER = "apiDefinition.swagger.json"

OUTPUT_TYPE = "The type has been changed for the output field."
OUTPUT_FORMAT = "The type format has been changed for the output field."
INPUT_TYPE = "The type has been changed for the input field."
ENUM_REMOVED = "An enum value has been removed from the input field."
OPTIONAL_TO_REQUIRED = "The input field has been changed from optional to required."
REQUIRED_FIELD_ADDED = "The required input field has been added."
OPERATION_DELETED = "The operation has been deleted."


@dataclass(frozen=True)
class Case:
    pr: int
    folder: str
    commit: str                    # the squash merge on dev, or the PR's head when it never merged
    sentence: str                  # the validator's first sentence, as pasted
    value_paths: tuple[str, ...]   # as pasted (a path ending in "…" was cut off in the thread: a prefix)
    quiet_about: str = ""          # a word no finding of this pair may contain (a change that is not breaking)
    base: str = ""                 # the old side when it is not commit^ (merge-base of dev and an unmerged PR)

    @property
    def old(self) -> str:
        return self.base or f"{self.commit}^"


CASES = [
    Case(2649, "certified-connectors/Maximizer", "7ce80bf6", OUTPUT_TYPE, (
        "operation/FindLead/responses/200/schema/Values/items/Opportunity/type",
        "operation/TriggerNewLead/responses/200/schema/Values/items/AssignedTo/type",
        "operation/TriggerNewLead/responses/200/schema/Values/items/AbEntry/type")),
    Case(2539, "certified-connectors/NBG ERP Solution", "300d48f4", ENUM_REMOVED, (
        "operation/TransfersCalculateExpences/parameter/body/schema/payload/expenses/enum",
        "operation/TransfersCalculateExpences/parameter/body/schema/payload/receiverAccType/enum",
        "operation/TransfersCalculateMassiveExpences/parameter/body/schema/payload/transfers/items/expenses/enum"),
        # the same commit makes header parameters and body fields optional: loosening breaks no flow
        quiet_about="required"),
    Case(807, "certified-connectors/VirusTotal", "a09b1b48", OUTPUT_FORMAT, (
        "operation/VirusTotalGetIpScanV3/responses/200/schema/data/attributes/last_analysis_stats/harmless/format",
        "operation/VirusTotalGetIpScanV3/responses/200/schema/data/attributes/last_analysis_stats/malicious/format")),
    Case(3546, "certified-connectors/GMO Sign", "5d197142", INPUT_TYPE, (
        "operation/RequestEnvelopeSignature/parameter/b…",)),
    Case(3516, "certified-connectors/Tesseron ASM Basic Data", "eac498a7", OPTIONAL_TO_REQUIRED, (
        "operation/UpdateEnterprise/parameter/body/schema/SearchName/required",)),
    Case(3516, "certified-connectors/Tesseron ASM Basic Data", "eac498a7", REQUIRED_FIELD_ADDED, (
        "operation/UpdateEnterprise/parameter/body/schema/Enterpr…",)),
    # never merged: the pair is the PR's head against where it branched from dev; LeadsTextbox is internal
    Case(3470, "certified-connectors/Maximizer", "0829f68b", OPERATION_DELETED, (
        "operation/TriggerNewLead", "operation/TriggerUpdateLead", "operation/LeadsTextbox", "operation/LeadsCreate"),
        base="9a17604e"),
    # quoted on the diff line of this operation's 200 schema, without a ValuePath: the path is ours
    Case(2473, "certified-connectors/Impexium", "0c45f7e3", OUTPUT_TYPE, (
        "operation/Get-Individual-Custom-Field-Values/responses/200/schema/type",)),
    # quoted by the author without a ValuePath; v3 replaced every v2 operationId (12 of them)
    Case(1440, "certified-connectors/Tilkee", "be3f928a", OPERATION_DELETED, tuple(
        f"operation/{op}" for op in ("AccessLinkCreate", "AddItemToProject", "DirectUploadInformation",
                                     "ItemCreate", "ItemList"))),
]


@pytest.fixture(scope="module")
def objects():
    if not (CLONE / "HEAD").exists() and not (CLONE / ".git").exists():
        pytest.skip(f"no clone of microsoft/PowerPlatformConnectors at {CLONE} (set CONNECTOR_LINT_PPC_GIT; "
                    "see bench/breaking_history.py)")
    with bh.GitObjects(CLONE) as objects:
        yield objects


def _pair(objects, case: Case) -> tuple[dict[str, str], dict[str, str]]:
    sides = []
    for rev in (case.old, case.commit):
        files = bh._connector(objects.tree(rev, case.folder))
        if bh.SWAGGER not in files:
            pytest.skip(f"{case.folder} has no swagger at {rev} in {CLONE}: a different history?")
        sides.append(bh.blobs(objects, files))
    return sides[0], sides[1]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"PR{c.pr}-{c.sentence.split()[1]}")
def test_every_pasted_validator_line_is_one_of_our_findings(objects, case):
    old, new = _pair(objects, case)
    found = bh.compare_connectors(old, new)
    ours = {(path, message.split(". ")[0] + ".") for _rule, path, message in found}
    for pasted in case.value_paths:
        if pasted.endswith("…"):
            hit = any(path.startswith(pasted[:-1]) and sentence == case.sentence for path, sentence in ours)
        else:
            hit = (pasted, case.sentence) in ours
        assert hit, f"PR {case.pr}: the validator said {case.sentence!r} at {pasted}; we found {sorted(ours)}"
    if case.quiet_about:
        noisy = [f for f in found if case.quiet_about in f[2].lower() or case.quiet_about in f[1].split("/")[-1:]]
        assert not noisy, f"PR {case.pr}: {noisy}"


def test_the_walk_finds_the_real_cases_as_updates(objects):
    """The history walk itself, on the fetched history: each case's merge is an update of its connector."""
    wanted = {(c.commit, c.folder) for c in CASES if not c.base}
    seen = {(u.commit[:8], u.folder) for u in bh.updates(CLONE, "dev")}
    assert wanted <= seen, wanted - seen
