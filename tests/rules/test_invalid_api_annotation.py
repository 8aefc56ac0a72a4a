from ruletester import case, err, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import RuleContext, Severity

GET = swagger()["paths"]["/tasks/{taskId}"]["get"]


def family(*versions, connector_status=None):
    """versions: (operationId, annotation, extra operation keys)"""
    doc = swagger()
    doc["paths"] = {}
    for i, (oid, note, extra) in enumerate(versions):
        doc["paths"][f"/v{i + 1}/tasks/{{taskId}}"] = {"get": {**GET, "operationId": oid,
                                                               "x-ms-api-annotation": note, **extra}}
    if connector_status:
        doc["info"]["x-ms-api-annotation"] = {"status": connector_status}
    return doc


def op(i):
    return f"/paths/~1v{i}~1tasks~1{{taskId}}/get"


test_table = rule_table(
    "invalid-api-annotation",
    valid=[case("two revisions", swagger=family(("GetTask", {"family": "GetTask", "revision": 1}, {}),
                                                ("GetTask_V2", {"family": "GetTask", "revision": 2}, {}))),
           case("production in a production connector", swagger=family(
               ("GetTask", {"status": "Production"}, {}), connector_status="Production")),
           case("deprecated with a replacement", swagger=family(
               ("GetTask", {"replacement": {"api": "tasks", "operationId": "GetTask_V2"}}, {"deprecated": True})))],
    invalid=[
        case("no revision", swagger=family(("GetTask", {"family": "GetTask"}, {})),
             errors=[err(f"{op(1)}/x-ms-api-annotation", "has no revision")],
             output=family(("GetTask", {"family": "GetTask", "revision": 1}, {}))),
        case("duplicate revision", swagger=family(("GetTask", {"family": "GetTask", "revision": 1}, {}),
                                                  ("GetTask_V1", {"family": "GetTask", "revision": 1}, {})),
             errors=[err(f"{op(2)}/x-ms-api-annotation/revision", "used twice", code="OperationFamilyHasDuplicateRevisions")]),
        case("three active", swagger=family(("GetTask", {"family": "F", "revision": 1}, {}),
                                            ("GetTask_V2", {"family": "F", "revision": 2}, {}),
                                            ("GetTask_V3", {"family": "F", "revision": 3}, {})),
             errors=[err(f"{op(1)}/x-ms-api-annotation", "more than two", code="OperationFamilyHasManyActiveOperations")],
             output=family(("GetTask", {"family": "F", "revision": 1}, {"deprecated": True}),
                           ("GetTask_V2", {"family": "F", "revision": 2}, {}),
                           ("GetTask_V3", {"family": "F", "revision": 3}, {}))),
        case("replacement on an active operation", swagger=family(
            ("GetTask", {"replacement": {"api": "tasks", "operationId": "X"}}, {})),
             errors=[err(f"{op(1)}/x-ms-api-annotation/replacement", "Only a deprecated operation", code="ApiAnnotationExtensionReplacementInfoForNonDeprecatedOperations")],
             output=family(("GetTask", {"replacement": {"api": "tasks", "operationId": "X"}}, {"deprecated": True}))),
        case("replacement without api", swagger=family(("GetTask", {"replacement": {"operationId": "X"}},
                                                        {"deprecated": True})),
             errors=[err(f"{op(1)}/x-ms-api-annotation/replacement", "needs 'api'", code="ApiAnnotationExtensionReplacementInfoMissingApiProperty")]),
        case("replacement without operationId", swagger=family(("GetTask", {"replacement": {"api": "tasks"}},
                                                                {"deprecated": True})),
             errors=[err(f"{op(1)}/x-ms-api-annotation/replacement", "needs 'operationId'",
                         code="ApiAnnotationExtensionReplacementInfoMissingOperationIdProperty")]),
        case("revision suffix", swagger=family(("GetTask", {"family": "GetTask", "revision": 1}, {}),
                                               ("GetTaskNew", {"family": "GetTask", "revision": 2}, {})),
             errors=[err(f"{op(2)}/operationId", "ending in '_V2'", code="OperationIdShouldEndWithRevision")]),
        case("production ahead of the connector", swagger=family(("GetTask", {"status": "Production"}, {})),
             errors=[err(f"{op(1)}/x-ms-api-annotation/status", "connector is in Preview", code="OperationStatusAheadOfConnector")],
             output=family(("GetTask", {"status": "Preview"}, {}))),
    ],
)


def test_warnings_and_codes():
    rule = rules_by_id()["invalid-api-annotation"]
    doc = family(("GetTask", {"family": "F", "revision": 1, "status": "Production"}, {}),
                 ("GetTask_V2", {"family": "F", "revision": 2, "status": "Production"}, {}),
                 connector_status="Production")
    (finding,) = run_rule(rule, RuleContext(swagger=doc))
    assert finding.validator_code == "OperationFamilyHasManyActiveProductionOperations"
    assert finding.severity is Severity.WARNING
    doc = family(("A", {"family": "F"}, {}), ("B", {"family": "F"}, {}))
    assert [f.validator_code for f in run_rule(rule, RuleContext(swagger=doc))] == [
        "OperationRevisionEmpty", "OperationFamilyHasManyEmptyRevisions"]
