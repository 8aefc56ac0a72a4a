"""Server start-up: attrs' generated code is served from the user's cache on later starts, and a
damaged cache is never a failure."""

import os
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent("""
    from connector_lint import warmup
    warmup.cache_attrs_code()
    import attr

    classes = [attr.make_class(f"Probe{i}", {"a": attr.ib(), "b": attr.ib(default=2)}) for i in range(12)]
    assert classes[3](1).b == 2 and classes[5](1, 3) == classes[5](1, 3)  # the methods work
    warmup.save_attrs_code()
    print(warmup._compiled)
""")


def run_probe(cache_home) -> int:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return int(done.stdout.strip())


def test_generated_code_is_compiled_once_then_read_from_the_cache(tmp_path):
    first = run_probe(tmp_path)
    [cached] = (tmp_path / "connector-lint").glob("attrs-code-*.marshal")
    assert first >= 12  # the generated methods of twelve classes
    assert run_probe(tmp_path) <= 2  # later starts compile (almost) nothing
    cached.write_bytes(b"not marshal data")
    assert run_probe(tmp_path) == first  # a damaged cache: compiled again, and rewritten
    assert run_probe(tmp_path) <= 2


def test_an_unwritable_cache_directory_only_costs_time(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    assert run_probe(blocked) >= 12


HASHABLE_PROBE = textwrap.dedent("""
    import os
    from connector_lint import warmup
    warmup.cache_attrs_code()
    import attr

    classes = [attr.make_class(f"Frozen{i}", {"a": attr.ib()}, frozen=True) for i in range(12)]
    assert hash(classes[3](1)) == hash(classes[3](1)) and classes[4](1) == classes[4](1)
    warmup.save_attrs_code()
    print(warmup._compiled)
""")


def test_a_hashable_class_whose_methods_differ_in_every_process_does_not_rewrite_the_cache(tmp_path):
    # attrs salts a hashable class's __hash__ with a string's hash, which differs in every process:
    # those sources always miss, and are not a reason to rewrite 2 MB at every start.
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))

    def run() -> int:
        done = subprocess.run([sys.executable, "-c", HASHABLE_PROBE], env=env, capture_output=True, text=True,
                              timeout=60)
        assert done.returncode == 0, done.stderr
        return int(done.stdout.strip())

    run_probe(tmp_path)  # the cache exists
    [cached] = (tmp_path / "connector-lint").glob("attrs-code-*.marshal")
    written = cached.stat().st_ino, cached.read_bytes()  # a rewrite replaces the file (a new inode)
    assert run() == 0
    assert (cached.stat().st_ino, cached.read_bytes()) == written


SERVER_IMPORTS = textwrap.dedent("""
    import sys
    import pygls.protocol

    made = []
    original = pygls.protocol.default_converter
    pygls.protocol.default_converter = lambda: made.append(1) or original()

    from connector_lint import warmup
    warmup.cache_attrs_code()
    from connector_lint import lsp
    warmup.warm_up()
    lsp.build_server()
    print(len(made), sorted({"argparse", "multiprocessing", "importlib.metadata", "connector_lint.cli"} & set(sys.modules)))
""")


def test_the_server_starts_without_what_its_first_diagnostics_do_not_need():
    # One lsprotocol converter (the server's; a second one resolves every class's type hints
    # again), and none of the CLI's imports nor importlib.metadata (attrs' __version__).
    done = subprocess.run([sys.executable, "-c", SERVER_IMPORTS], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split(maxsplit=1) == ["1", "[]\n"]


def test_the_first_diagnostics_are_noted_once():
    from connector_lint import warmup

    warmup._first_diagnostics = None
    note = warmup.first_diagnostics_note()
    assert note is not None and note.startswith("First diagnostics ") and "ms of CPU" in note
    assert warmup.first_diagnostics_note() is None


WARMED = textwrap.dedent("""
    from connector_lint import warmup
    from connector_lint_rules import _schema, _spelling
    assert not _spelling.is_loaded() and _schema._compiled is None
    warmup.warm_up()
    print(_spelling.is_loaded(), _schema._compiled is not None)
""")


def test_the_warm_up_loads_the_dictionary_and_compiles_the_schema_through_the_rules_hooks():
    done = subprocess.run([sys.executable, "-c", WARMED], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]


def test_a_warm_up_hook_that_rules_share_runs_once(monkeypatch):
    import connector_lint_rules
    from connector_lint import warmup
    from connector_lint_rules._api import Rule, Severity

    calls = []

    def hook():
        calls.append("hook")

    rules = [Rule(id=f"r{i}", summary="", severity=Severity.ERROR, category="", check=None, warm_up=warm)
             for i, warm in enumerate((hook, None, hook))]
    monkeypatch.setattr(connector_lint_rules, "all_rules", lambda: rules)
    warmup.warm_up()
    assert calls == ["hook"]
