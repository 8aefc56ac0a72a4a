"""The helpers behind the English-string rules: the tokeniser (_text) and the dictionary and
suggestions (_spelling)."""

import threading
import time
import types

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from connector_lint_rules import _spelling, _text
from connector_lint_rules._text import split_camel, words


@pytest.fixture(scope="session")
def dictionary():
    return _spelling.dictionary()


def texts(text):
    return [w.text for w in words(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Gets the user's item.", ["Gets", "the", "user's", "item"]),
    ("See https://contoso.com/a/b or www.contoso.com now", ["See", "or", "now"]),
    ("Mail help@contoso.com today", ["Mail", "today"]),
    ("Use `fooBar baz` here", ["Use", "here"]),
    ("Set 'open' or \"closed tasks\" or “this”", ["Set", "or", "or"]),
    ("The users' tasks and 'x' values", ["The", "users", "tasks", "and", "values"]),
    ("Use {taskId}, {{var}}, @{body('x')}, ${env} and <your tenant>", ["Use", "and"]),
    ("Open /v1/tasks and C:\\temp\\file and and/or", ["Open", "and", "and"]),
    ("Version v2.1 of report.pdf on api.contoso.com, e.g. this", ["Version", "of", "on", "this"]),
    ("Hex 0x1F, colour #ff00aa, 42 items, O365 and base64", ["Hex", "colour", "items", "and"]),
    ("The my_field and x-ms-summary and $filter and DC=local", ["The", "and", "and", "and"]),
    ("Format yyyy-MM-ddTHH:mm:ss or dd/MM/yyyy", ["Format", "or"]),
    ("A read-only sign-in", ["A", "read", "only", "sign", "in"]),
    ("minimumHighways and iPhone", ["minimumHighways", "and", "iPhone"]),
    ("Set {id}  - then `x` |\tthe  next  —\xa0one", ["Set", "then", "the", "next", "one"]),
])
def test_words_skip_what_is_not_prose(text, expected):
    assert texts(text) == expected


def test_word_offsets_shapes_and_sentence_starts():
    text = "Get the ID. then userId - Next: ok"
    got = [(w.start, w.end, w.text, w.shape, w.sentence_start) for w in words(text)]
    assert got == [(0, 3, "Get", "title", True), (4, 7, "the", "lower", False), (8, 10, "ID", "upper", False),
                   (12, 16, "then", "lower", True), (17, 23, "userId", "mixed", False),
                   (26, 30, "Next", "title", True), (32, 34, "ok", "lower", True)]
    assert all(text[w.start:w.end] == w.text for w in words(text))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abXyMdhTw éß.!?:;,- \n\t()'\"`{}<>@$/\\_=#1%[]|–\xa0")), max_size=60))
def test_the_plain_prose_fast_path_gives_the_full_expression_s_result(text):
    """`words` scans plain prose with `_SIMPLE` and the rest with `_TOKEN_SCAN` (a plain word and
    the spaces after it in one match): the words of `_TOKEN`, one token per match, either way."""
    full = []
    sentence_start = True
    for m in _text._TOKEN.finditer(text):
        if m.lastgroup in ("plain", "word"):
            full.append((m.start(), m.end(), m.group(), sentence_start))
            sentence_start = False
        else:
            sentence_start = m.lastgroup == "stop"
    assert [(w.start, w.end, w.text, w.sentence_start) for w in words(text)] == full


def test_split_camel():
    assert [p for _, _, p in split_camel("minimumHighways")] == ["minimum", "Highways"]
    assert [p for _, _, p in split_camel("XMLHttpRequest")] == ["XML", "Http", "Request"]
    assert split_camel("userId") == [(0, 4, "user"), (4, 6, "Id")]


@pytest.mark.parametrize("word", [
    "colour", "behaviours", "organisation", "optimised", "analyse", "catalogue", "travelled", "dialling",
    "fulfilment", "centre", "centred", "metres", "favourite", "licence", "cheque", "grey",
    "webhooks", "OAuth", "json", "firstname", "subfolder", "logins", "deletable", "boxes", "user's", "cc'd",
])
def test_known_words(dictionary, word):
    assert _spelling.known(word)


@pytest.mark.parametrize("word", [
    "occured", "seperated", "recieved", "messsage", "languagees", "triggerd", "detailled", "colur", "filees",
    "boxs", "desing", "wil",
])
def test_misspellings_are_not_explained_away(dictionary, word):
    assert not _spelling.known(word)


def test_extra_words_and_their_possessives(dictionary):
    extra = frozenset({"zendexa"})
    assert _spelling.known("Zendexa's", extra) and not _spelling.known("Zendexa")


def test_analysis_counts_english_and_finds_misspellings(dictionary):
    result = _spelling.analyse("The tasks of the usr are open.")
    assert [w.text for w in result.misspelled] == ["usr"]
    assert (result.english, result.counted) == (6, 7) and result.is_english()
    assert not _spelling.analyse("Liefert die Liste aller offenen Aufgaben zurück.").is_english()
    assert not _spelling.analyse("获取所有打开的任务列表。").is_english()
    assert _spelling.analyse("Liste abrufen").is_english()  # too short to judge


def test_suggestions_are_ranked_cased_and_cached(dictionary, monkeypatch):
    assert _spelling.suggest("attachements")[0] == "attachments"
    assert _spelling.suggest("Attachements", 3)[0] == "Attachments"
    assert _spelling.suggest("RECIEVED")[0] == "RECEIVED"
    assert len(_spelling.suggest("tsk", 2)) <= 2

    def not_again(*args):
        raise AssertionError("searched again instead of reading the cache")

    monkeypatch.setattr(_spelling, "_suggest", not_again)
    assert _spelling.suggest("attachements")[0] == "attachments"  # from the cache


def test_suggestions_stop_at_the_deadline(dictionary, monkeypatch):
    # A clock that jumps a second per reading, so the deadline has passed at the first check;
    # the work done is counted, not timed (a loaded machine must not make this fail).
    clock = iter(range(1_000_000))
    monkeypatch.setattr(_spelling, "time", types.SimpleNamespace(perf_counter=lambda: float(next(clock))))
    expanded = []
    edits1 = _spelling._edits1
    monkeypatch.setattr(_spelling, "_edits1", lambda word: expanded.append(word) or edits1(word))
    word = "qzxwvkjqzxwvkjqzxwvkjqzxw"  # nothing near: the slow edit-distance-2 search
    assert _spelling.suggest(word, 5, deadline_seconds=0.05) == []
    assert len(expanded) <= 2  # the word itself (first and second pass), no edit expanded again


def test_the_dictionary_loads_once_under_concurrency(monkeypatch):
    built = []

    class Slow:
        def __init__(self):
            time.sleep(0.05)
            built.append(self)

    monkeypatch.setattr(_spelling, "Dictionary", Slow)
    monkeypatch.setattr(_spelling, "_DICTIONARY", None)
    results = []
    threads = [threading.Thread(target=lambda: results.append(_spelling.dictionary())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(built) == 1 and all(r is built[0] for r in results)
    assert _spelling.preload() >= 0.05 and _spelling.is_loaded()


def test_the_word_frequencies_are_read_back_from_a_cached_copy(tmp_path, monkeypatch):
    from spellchecker import SpellChecker

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = _spelling._frequencies()  # from pyspellchecker's JSON; writes the copy
    [copy] = (tmp_path / "connector-lint").glob("en-*.marshal")
    assert first == dict(SpellChecker(language="en", distance=1).word_frequency.dictionary)
    copy.write_bytes(copy.read_bytes()[:1000])  # a truncated copy is not trusted
    assert _spelling._frequencies() == first
    assert _spelling._frequencies() == first  # and it was rewritten whole
    assert copy.stat().st_size > 1_000_000


def test_the_word_frequencies_load_without_a_writable_cache(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert _spelling._frequencies()["the"] > 1000


@pytest.mark.parametrize("text", [
    "Get Item and Value: Then More", "one. Two Three. four Five", "x\n\nHello World - Foo | Bar",
    "  Leading Title here", "A B C. D Ee ff", "Hi! Bob and Alice are here?", "Get the Task\n- Owner Name\n* Due Date",
    "Foo. Foo bar Foo", "Foo Foo", ". Then Then. Then", "a.\n\nThen x Then"])
def test_case_words_of_plain_prose_are_those_of_its_words(text):
    """`_case_words` reads plain ASCII prose without word tuples; it finds what `words` finds."""
    assert _text.is_plain(text) and text.isascii()
    capitalised = {w.text.lower() for w in _text.words(text) if w.shape == "title" and not w.sentence_start}
    lower = {w.text for w in _text.words(text) if w.shape == "lower"}
    assert _spelling._case_words(text) == (capitalised, lower) and capitalised


def test_first_word_and_lowered_acronyms_follow_words():
    text = "the `api` id, its Url and the api-version of the user's json"
    assert _text.first_word(text) == _text.words(text)[0] and _text.first_word("`code` 42") is None
    assert [text[s:e] + ">" + form for s, e, form in _text.lowered_acronyms(text)] == ["id>ID", "Url>URL", "json>JSON"]


@pytest.mark.parametrize("text, counted", [
    ("The Task and an ID of a job.", 6),  # ID (capitals) and single letters are not counted
    ("the itemId field", None), ("OOrder now", None), ("Two IDs here", None),  # mixed case: a closer look
    ("Gets the tasks of a board", 5), ("Gets the tsks", None),  # an unknown word: a closer look
    ("Gets the zendexa tasks", 4), ("", 0), ("42 - ... !", 0), ("the task " * 200, 400)])  # 400: past the made ones
def test_ascii_prose_takes_the_fast_path_only_for_known_words_in_lower_or_title_case(dictionary, text, counted):
    fast = _spelling._analyse_ascii_prose(text, frozenset({"zendexa"}))
    assert (fast and fast.counted) == counted and (fast is None or fast.english == counted)
    assert fast is None or (fast.misspelled, fast.foreign_script) == ((), False)


@pytest.mark.parametrize("text", [
    "The Task and an ID of a job.", "Gets the tasks of a board", "Gets the tsks", "the itemId field", "",
    "Gets the user's tasks", "Don't use the users' tasks", "Set 'open' or 'closed' here",
    "See https://contoso.com/tasks for the tasks", "Use `fooBar` and {taskId} here", "The my_field value",
    "Open the usr's tasks", "A read-only sign-in", "e.g. the task", "Naïve café tasks here",
    "Tâche ouverte du projet", "Ünïcode id", "task " * 2100])  # past MAX_ANALYSED_CHARACTERS
def test_the_fast_paths_agree_with_the_analysis_of_the_words(dictionary, text):
    """A fast path gives the analysis of the words, or, for an ASCII string with URLs, code and the
    like, counts its letter runs instead: all English either way."""
    fast = _spelling.analyse(text)
    full = _spelling._analyse_words(_spelling.analysed_part(text), frozenset())
    if _text.is_plain(text) or fast.english < fast.counted or fast.misspelled:
        assert fast[:4] == full[:4]
    else:
        assert fast.english == fast.counted and full.english == full.counted and not full.misspelled


@pytest.mark.parametrize("text", [
    "Task id and Url", "the API id", "Id of the task", "an IDs list", "api-version and x-api-key", "ID Id id iD",
    "the url. Url! URL", "sku-id", "Json and jSON", "i id", "the user's id", "Ünïcode id", "a `json` id"])
def test_lowered_acronyms_of_plain_prose_are_those_of_its_words(text):
    """Plain ASCII prose takes a path without word tuples; it finds what the words find."""
    forms = _text.acronyms()
    expected = []
    for w in _text.words(text):
        bare, end = w.text.lower(), w.end
        if bare.endswith(("'s", "’s")):
            bare, end = bare[:-2], end - 2
        if w.shape in ("lower", "title") and bare in forms and text[w.start:end] != forms[bare] \
                and text[w.start - 1:w.start] != "-" and text[end:end + 1] != "-":
            expected.append((w.start, end, forms[bare]))
    assert list(_text.lowered_acronyms(text)) == expected


@pytest.mark.parametrize("names", [
    [], [""], ["itemId", "item_id", "XMLHttpRequest", "ID2Name"], ["a\nb", "x-ms-foo", "$filter"],
    ["ÉtatId", "caféX", "straße", "itemId"], ["İd", "ǅx", "Ⅻ"], ["user’s name", "ABCDef"]])
def test_split_names_gives_each_name_s_words(names):
    """`_split_names` reads the ASCII names as one text; the words are those of each name alone."""
    expected = set()
    for name in names:
        expected.update(_spelling._name_words(name))
    assert _spelling._split_names(names) == expected


@pytest.mark.parametrize("text", [
    "Gets the tasks of a board", "The task id", "The Url of the task", "The ID of the task", "Two IDs here",
    "the itemId field", "the api-version value", "See https://contoso.com/api for the tasks", "The `json` body",
    "The users' id", "The user's id", "Task ID and Json", "", "json", "Ünïcode id", "id " * 3400,
    "task " * 2100 + "id"])  # an acronym past MAX_ANALYSED_CHARACTERS: not known from the analysis
def test_no_lowered_acronym_only_when_there_is_none(dictionary, text):
    """The analysis says there is no lowered acronym only when `lowered_acronyms` finds none."""
    assert not (_spelling.analyse(text).no_lowered_acronym and _text.lowered_acronyms(text))


@pytest.mark.parametrize("texts", [
    [], ["Get the Task of a Board.", "Board tasks"], ["ends with a stop.", "Owner of it"], ["no stop", "Owner Name"],
    ["a - ", "- Owner and Owner"], ["Then x Then", "then"], ["The `Code` and Word", "Word: Again and Again"],
    ["Ünïcode Café and Owner", "owner"], ["x " * 5100 + "Late Word", "Late start"], ["Twice Here", "Twice Here"],
    ["trailing\n", "Owner\n\nNext Owner"], ["Hi!", "Bob and Alice"], ["end.", "Start"]])
def test_description_names_are_those_of_the_groups_counts(texts):
    """The CLI's one pass over the descriptions (the plain ASCII ones joined) finds the words the
    per-group counts of the language server find: capitalised in mid-sentence, never in lower case."""
    groups = [((None, f"/d{i}", "property-description", text), (None, f"/s{i}", "summary", "Summary Word"))
              for i, text in enumerate(texts)]
    capitalised, lower = set(), set()
    for group in groups:
        title, plain = _spelling._group_case_words(group)
        capitalised.update(title)
        lower.update(plain)
    assert _spelling._description_names(groups) == capitalised - lower


def test_identifiers_are_named_anywhere_but_in_examples_and_defaults():
    swagger = {"paths": {"/a": {"get": {"operationId": "GetA", "parameters": [{"name": "taskId", "enum": ["open", 1, None]}],
                                        "responses": {"default": {"schema": {"properties": {"example": {"type": "string"},
                                                                                            "ownerName": {}}}}}}}},
               "example": {"name": "notThis"}, "x-ms-examples": [{"operationId": "norThis"}],
               "definitions": {"T": {"name": 42, "properties": "no", "enum": "no", "default": {"name": "nope"}}}}
    found: list = []
    _spelling._identifiers(swagger, found)
    assert sorted(found) == ["GetA", "example", "open", "ownerName", "taskId"]
