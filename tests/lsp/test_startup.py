"""Server start-up: attrs' generated code is served from the user's cache on later starts, and a
damaged cache is never a failure."""

import os
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent("""
    from connector_lint import startup
    startup.cache_attrs_code()
    import attr

    classes = [attr.make_class(f"Probe{i}", {"a": attr.ib(), "b": attr.ib(default=2)}) for i in range(12)]
    assert classes[3](1).b == 2 and classes[5](1, 3) == classes[5](1, 3)  # the methods work
    startup.save_attrs_code()
    print(startup._compiled)
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
