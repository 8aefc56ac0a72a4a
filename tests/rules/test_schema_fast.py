"""The structural validation's fast path (`_schema._Fast`) decides a value exactly as the validator
does: when it answers True (valid) or False (invalid), jsonschema, run without it, agrees."""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from connector_lint_rules import _schema

SCALE = max(1, int(os.environ.get("PROPERTY_SCALE", "1")))

KEYS = ["parameters", "responses", "in", "name", "type", "schema", "items", "required", "enum", "format",
        "description", "summary", "operationId", "default", "x-ms-summary", "x-ms-visibility", "$ref", "200",
        "default", "properties", "additionalProperties", "headers", "collectionFormat", "allowEmptyValue",
        "x-ms-dynamic-values", "operationId", "consumes", "produces", "deprecated", "minimum", "maxLength"]
SCALARS = st.one_of(st.sampled_from(["query", "body", "path", "header", "formData", "string", "array", "object",
                                     "integer", "boolean", "internal", "important", "advanced", "csv", "multi",
                                     "#/definitions/A", "#/parameters/p", "", "application/json"]),
                    st.integers(-2, 3), st.booleans(), st.none(), st.floats(allow_nan=False, width=16))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)),
                      max_leaves=25)
PIECES = ["operation", "schema", "parameterOrReference", "responseOrReference", "root"]
FAST = _schema._Fast()  # its own tests, not the module's: one generation for all examples


class _Undecided:
    def of(self, sub):
        return lambda value: None


def _jsonschema_valid(validator, value, monkeypatch) -> bool:
    with monkeypatch.context() as m:
        m.setattr(_schema, "_fast", _Undecided())
        _schema._subtrees.clear()
        valid = not any(True for _ in validator.iter_errors(value))
        _schema._subtrees.clear()
    return valid


@settings(max_examples=300 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                         HealthCheck.function_scoped_fixture])
@given(piece=st.sampled_from(PIECES), value=st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=6))
def test_the_fast_path_agrees_with_jsonschema(piece, value, monkeypatch):
    validator = _schema.validators_()[piece]
    decided = FAST.of(validator.schema)(value)
    if decided is not None:
        assert decided == _jsonschema_valid(validator, value, monkeypatch)


@pytest.mark.parametrize("schema, value, expected", [
    ({"type": "integer"}, 1.0, True), ({"type": "integer"}, True, False), ({"enum": [1]}, True, False),
    ({"enum": ["a"]}, {"a": 1}, None), ({"const": 1}, 1.0, True), ({"not": {"type": "string"}}, "x", False),
    ({"required": ["a"], "properties": {"a": {"minimum": 2}}}, {"a": 1}, False),
    ({"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": False}, {"x-a": "s"}, True),
    ({"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": False}, {"y": "s"}, False),
    ({"properties": {"x-a": {"type": "integer"}}, "patternProperties": {"^x-": {"type": "string"}}}, {"x-a": 1}, False),
    ({"dependencies": {"a": ["b"]}}, {"a": 1}, False), ({"uniqueItems": True}, [1, True], None),
    ({"uniqueItems": True}, ["a", "a"], False), ({"if": {"required": ["a"]}, "then": {"required": ["b"]}}, {"a": 1}, False),
    ({"anyOf": [{"type": "string"}, {"minimum": 3}]}, 2, False), ({"$ref": "#/definitions/x"}, 1, None),
    ({"format": "uri"}, "x", None),
])
def test_each_keyword(schema, value, expected, monkeypatch):
    from jsonschema import Draft7Validator

    assert _schema._Fast().of(schema)(value) is expected
    if expected is not None:
        assert (not list(Draft7Validator(schema).iter_errors(value))) is expected
