"""did_you_mean's distance: the bounded form agrees with the full table wherever it matters."""

from hypothesis import given, strategies as st

from connector_lint_rules._known_keys import did_you_mean, distance

words = st.text(alphabet="abcdx-", max_size=9)


def test_distance_counts_each_edit_once():
    assert distance("kitten", "sitting") == 3
    assert distance("ab", "ba") == 1  # a swap of neighbours
    assert distance("", "abc") == 3


@given(words, words, st.integers(min_value=0, max_value=3))
def test_bounded_distance_is_exact_up_to_the_limit(a, b, limit):
    full = distance(a, b)
    assert distance(a, b, limit) == (full if full <= limit else limit + 1)


def test_did_you_mean_keeps_its_answers():
    assert did_you_mean("summray", ["summary", "description", "operationId"]) == (["summary"], True)
    assert did_you_mean("x-ms-vsiblity", ["x-ms-visibility", "x-ms-summary"]) == (["x-ms-visibility"], True)
    assert did_you_mean("tilte", ["title", "tile"]) == (["tile", "title"], False)  # two at one edit
    assert did_you_mean("tiel", ["title"]) == ([], False)  # short keys: one edit at most
    assert did_you_mean("colour", ["color", "colr"]) == (["color"], True)


def test_the_extension_hover_comes_from_the_one_catalogue():
    from connector_lint.extensions_help import hover_markdown
    from connector_lint_rules._known_keys import EXTENSIONS, EXTENSIONS_PAGE

    documented = {key: ext for key, ext in EXTENSIONS.items() if ext.anchor}
    assert len(documented) >= 14 and all(ext.note for ext in documented.values())
    text = hover_markdown("x-ms-dynamic-list")
    assert f"({EXTENSIONS_PAGE}#x-ms-dynamic-values-and-x-ms-dynamic-list)" in text
    assert "- Each parameter is `{value}` or `{parameterReference}`." in text
    assert "Defined by the [connector schema]" in hover_markdown("x-ms-trigger-metadata")  # not on the page


def test_the_character_bound_never_cuts_a_close_pair():
    """Pairs whose characters differ (the bound that answers before the table) or do not."""
    for a, b, limit, expected in [("abc", "xyz", 2, 3), ("abcd", "abxy", 1, 2), ("abcd", "abxd", 1, 1),
                                  ("aab", "abb", 1, 1), ("ab", "ba", 0, 1), ("descripton", "description", 1, 1),
                                  ("x-ms-visibility", "x-ms-summary", 2, 3), ("é", "e", 1, 1), ("", "a", 1, 1)]:
        assert distance(a, b, limit) == expected == min(distance(a, b), limit + 1)
