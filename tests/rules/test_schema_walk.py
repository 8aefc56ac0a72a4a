"""The value-node walk's helpers (`_value_nodes`): which definitions an entry refers to."""

from connector_lint_rules._value_nodes import definition_name, definition_refs


def test_definition_refs_are_found_at_any_depth_and_unescaped():
    entry = {"type": "object", "properties": {"a": {"$ref": "#/definitions/Item"},
                                              "b": {"items": {"allOf": [{"$ref": "#/definitions/a~1b~0c"}]}}},
             "x-ms-dynamic-schema": {"parameters": {"p": {"$ref": "#/definitions/Deep"}}},
             "example": [{"$ref": "#/parameters/NotADefinition"}, {"$ref": 3}]}
    assert definition_refs(entry) == {"Item", "a/b~c", "Deep"}


def test_a_ref_written_with_quotes_and_escapes_is_read_as_json_reads_it():
    # The repr of such a name holds escapes and the other quote: reading refs from the repr got them wrong.
    assert definition_refs({"$ref": "#/definitions/it's \"x\"\n"}) == {"it's \"x\"\n"}
    assert definition_refs([]) == frozenset() and definition_refs("text") == frozenset()


def test_a_ref_into_a_definition_names_no_definition():
    # "#/definitions/A/properties/x" is the pointer definitions -> A -> properties -> x, not a
    # definition named "A/properties/x" (that one is written "#/definitions/A~1properties~1x").
    assert definition_name("#/definitions/A/properties/x") is None
    assert definition_refs({"$ref": "#/definitions/A/properties/x"}) == frozenset()
    assert definition_name("#/definitions/A~1properties~1x") == "A/properties/x"
    assert definition_name("#/parameters/A") is None and definition_name(None) is None


def test_definition_name_reads_a_ref_as_the_json_pointer_it_is():
    # definition_name reads the name without splitting the pointer; the table pins it to the split.
    from connector_lint_rules._api import split_pointer

    for ref in ("#/definitions/", "#/definitions/a~01", "#/definitions/a~10", "#/definitions/~", "#/definitions/é x",
                "#/definitions//", "#/definitions/a/", "#/definitions/~0~1~1", "#/definitions"):
        parts = split_pointer(ref[1:])
        expected = parts[1] if ref.startswith("#/definitions/") and len(parts) == 2 else None
        assert definition_name(ref) == expected, ref
    assert definition_name("#/definitions/a~01") == "a~1" and definition_name("#/definitions/") == ""
