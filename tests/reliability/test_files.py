"""--fix never harms a file and nothing outside the connector leaks (issue 17, cases 1-4).

Every input is generated here: links out of the connector, settings.json naming files outside
it, UTF-16 and Windows-1252 files, read-only files, and writes cut short by RLIMIT_FSIZE.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from connector_lint.cli import main
from connector_lint.workspace import connector_for
from connector_lint_rules._files import write_atomically
from ruletester import api_properties, swagger

SECRET = "s3cr3t-token-4b1d"
FORMATS = ("text", "json", "sarif", "github")
# A title --fix shortens (title-restricted-words removes "API"), so there is always something to write.
FIXABLE = swagger(title="Contoso API")


def write_connector(folder: Path, sw=FIXABLE, props=None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "apiDefinition.swagger.json").write_text(json.dumps(sw, indent=2), encoding="utf-8")
    (folder / "apiProperties.json").write_text(json.dumps(props or api_properties(), indent=2), encoding="utf-8")
    return folder


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not p.is_symlink()}


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A file outside the connector holding a secret, shaped like a connector file --fix would edit."""
    folder = tmp_path / "victim"
    write_connector(folder, sw={**FIXABLE, "info": {**FIXABLE["info"], "description": SECRET}},
                    props={"properties": {"iconBrandColor": SECRET}})
    return folder


# ---------------------------------------------------------------------------------------------
# 1 and 4: nothing outside the connector is read or written


def test_a_swagger_linking_out_of_the_connector_is_skipped_and_never_shown(tmp_path, capsys, victim):
    connector = write_connector(tmp_path / "c")
    swagger_path = connector / "apiDefinition.swagger.json"
    swagger_path.unlink()
    swagger_path.symlink_to(victim / "apiDefinition.swagger.json")
    before = snapshot(victim)
    for fmt in FORMATS:
        code, out, err = run(capsys, "check", str(connector), "--format", fmt, "--fix")
        assert code == 2, fmt
        assert SECRET not in out and SECRET not in err, fmt
        assert "apiDefinition.swagger.json: a link to a file outside the connector folder" in err
    assert snapshot(victim) == before
    assert json.loads(run(capsys, "check", str(connector), "--format", "json")[1])["skipped"][0]["reason"].startswith(
        "a link to a file outside")


@pytest.mark.skipif(not Path("/proc/self/environ").is_file(), reason="needs Linux's /proc")
def test_a_link_to_the_process_environment_does_not_leak_it(tmp_path):
    connector = write_connector(tmp_path / "c")
    (connector / "apiDefinition.swagger.json").unlink()
    (connector / "apiDefinition.swagger.json").symlink_to("/proc/self/environ")
    for fmt in FORMATS:
        result = subprocess.run([sys.executable, "-m", "connector_lint", "check", str(connector), "--format", fmt],
                                capture_output=True, text=True, env={**os.environ, "PIPELINE_TOKEN": SECRET})
        assert result.returncode == 2, result.stderr
        assert SECRET not in result.stdout + result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["../victim/apiDefinition.swagger.json", "{victim}/apiDefinition.swagger.json",
                                  "/etc/passwd"])
def test_settings_naming_a_file_outside_the_connector_is_a_finding_and_not_read(tmp_path, capsys, victim, name):
    connector = write_connector(tmp_path / "c")
    name = name.format(victim=victim)
    (connector / "settings.json").write_text(json.dumps({"apiDefinition": name,
                                                         "apiProperties": "../victim/apiProperties.json"}))
    before = snapshot(victim)
    code, out, err = run(capsys, "check", str(connector), "--format", "json", "--fix")
    assert snapshot(victim) == before
    assert SECRET not in out and "root:" not in out
    data = json.loads(out)
    assert not any("victim" in f["path"] or "passwd" in f["path"] for f in data["files"])
    messages = [d["message"] for f in data["files"] for d in f["diagnostics"] if d["rule"] == "settings-file"]
    assert sum("outside the connector folder" in m for m in messages) == 2, messages
    assert code == 1


def test_a_link_inside_the_connector_is_followed(tmp_path, capsys):
    connector = write_connector(tmp_path / "c")
    (connector / "sources").mkdir()
    (connector / "apiDefinition.swagger.json").rename(connector / "sources" / "swagger.json")
    (connector / "apiDefinition.swagger.json").symlink_to(Path("sources") / "swagger.json")
    code, out, err = run(capsys, "check", str(connector), "--format", "json", "--fix")
    assert code in (0, 1) and err == ""
    assert json.loads(out)["summary"]["fixed"] >= 1
    assert (connector / "apiDefinition.swagger.json").is_symlink()  # the link is kept, its target fixed
    assert json.loads((connector / "sources" / "swagger.json").read_text())["info"]["title"] == "Contoso"


def test_settings_pointing_at_a_link_out_of_the_connector_is_not_followed(tmp_path, victim):
    connector = write_connector(tmp_path / "c")
    (connector / "elsewhere.json").symlink_to(victim / "apiProperties.json")
    (connector / "settings.json").write_text(json.dumps({"apiProperties": "elsewhere.json"}))
    layout = connector_for(connector)
    assert all(Path(p).resolve().is_relative_to(connector.resolve()) for p in layout.paths.values())


# ---------------------------------------------------------------------------------------------
# 2: files that are not UTF-8 are reported and never rewritten


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-16-le", "utf-32-le", "utf-32-be"])
def test_a_utf16_file_is_reported_and_left_untouched(tmp_path, capsys, encoding):
    """With a byte-order mark, and without one (utf-16-le, utf-32-le, utf-32-be: ASCII UTF-16 is
    valid UTF-8 full of NULs, which --fix turned into \\u0000 escapes)."""
    connector = write_connector(tmp_path / "c")
    path = connector / "apiDefinition.swagger.json"
    text = json.dumps(FIXABLE, indent=2)
    data = text.encode(encoding) if encoding != "utf-16-be" else b"\xfe\xff" + text.encode("utf-16-be")
    path.write_bytes(data)
    code, out, _ = run(capsys, "check", str(connector), "--format", "json", "--fix")
    assert path.read_bytes() == data
    [swagger_file] = [f for f in json.loads(out)["files"] if f["path"].endswith("swagger.json")]
    rules = [d["rule"] for d in swagger_file["diagnostics"]]
    assert "file-encoding" in rules and "json-syntax" not in rules  # decoded, so checked as the editor shows it
    assert "title-restricted-words" in rules  # found, not fixed
    assert not any(d["fixable"] for d in swagger_file["diagnostics"])


def test_a_windows_1252_file_is_reported_and_no_byte_changes(tmp_path, capsys):
    connector = write_connector(tmp_path / "c")
    path = connector / "apiDefinition.swagger.json"
    data = json.dumps(FIXABLE, indent=2).replace("Contoso API", "Caf\u00e9 \u201cAPI\u201d").encode("cp1252")
    path.write_bytes(data)
    code, out, _ = run(capsys, "check", str(connector), "--fix")
    assert path.read_bytes() == data  # 0x93 stays 0x93, 0xE9 stays 0xE9
    assert "file-encoding The file is not valid UTF-8" in out
    # the other file of the connector is still fixed
    run(capsys, "check", str(connector), "--fix")


def test_the_encoding_finding_can_be_configured_off(tmp_path, capsys):
    connector = write_connector(tmp_path / "c")
    (connector / "apiProperties.json").write_bytes(json.dumps(api_properties()).encode("utf-16"))
    assert "file-encoding" in run(capsys, "check", str(connector))[1]
    (connector / ".connector-lint.json").write_text(json.dumps({"rules": {"file-encoding": "off"}}))
    assert "file-encoding" not in run(capsys, "check", str(connector))[1]


# ---------------------------------------------------------------------------------------------
# 3: writes are atomic, keep the mode, and a failure is one line


LIMITED = textwrap.dedent("""
    import resource, sys
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
    from connector_lint.cli import main
    sys.exit(main(sys.argv[2:]))
""")


def test_a_write_cut_short_leaves_the_file_as_it_was(tmp_path):
    first = write_connector(tmp_path / "a")
    second = write_connector(tmp_path / "b")
    before = snapshot(first)
    limit = len(before["apiDefinition.swagger.json"]) // 2  # the swagger cannot be written whole
    result = subprocess.run([sys.executable, "-c", LIMITED, str(limit), "check", str(first), str(second), "--fix"],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if "not fixed" in line]
    assert len(lines) == 2 and all("the file is unchanged" in line for line in lines), result.stderr
    assert snapshot(first) == before  # and no temporary file left behind
    assert json.loads((first / "apiDefinition.swagger.json").read_text())["info"]["title"] == "Contoso API"


def test_fix_keeps_the_file_mode(tmp_path, capsys):
    connector = write_connector(tmp_path / "c")
    path = connector / "apiDefinition.swagger.json"
    path.chmod(0o640)
    run(capsys, "check", str(connector), "--fix")
    assert json.loads(path.read_text())["info"]["title"] == "Contoso"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in connector.iterdir()) == ["apiDefinition.swagger.json", "apiProperties.json"]


def test_a_read_only_file_is_one_line_and_the_run_goes_on(tmp_path, capsys):
    locked = write_connector(tmp_path / "a")
    other = write_connector(tmp_path / "b")
    (locked / "apiDefinition.swagger.json").chmod(0o444)
    before = snapshot(locked)
    code, out, err = run(capsys, "check", str(locked), str(other), "--fix")
    assert code == 2
    assert err.strip().endswith("apiDefinition.swagger.json: not fixed: the file is read-only")
    assert snapshot(locked) == before
    assert json.loads((other / "apiDefinition.swagger.json").read_text())["info"]["title"] == "Contoso"


def test_write_atomically_replaces_whole_or_not_at_all(tmp_path):
    target = tmp_path / "file.json"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_atomically(target, b"new content")
    assert target.read_bytes() == b"new content" and stat.S_IMODE(target.stat().st_mode) == 0o600
    script = ("import resource, sys; resource.setrlimit(resource.RLIMIT_FSIZE, (4, 4));"
              "from connector_lint_rules._files import write_atomically\n"
              "try:\n    write_atomically(sys.argv[1], b'x' * 100)\nexcept OSError as e:\n    print(e.errno)")
    result = subprocess.run([sys.executable, "-c", script, str(target)], capture_output=True, text=True)
    assert result.stdout.strip().isdigit(), result.stderr
    assert target.read_bytes() == b"new content" and [p.name for p in tmp_path.iterdir()] == ["file.json"]


# The other writers: a configuration edit from the editor and a cache entry, cut short by the same
# limit, leave the file they replace as it was (each calls write_atomically; a plain write would
# leave it truncated).
WRITERS = {
    "editConfig": ("from connector_lint.actions import write_config\n"
                   "print(write_config(target, {'word': 'contosoword' * 50}))"),
    "cache": ("import os; os.environ['XDG_CACHE_HOME'] = str(target.parent.parent)\n"
              "from connector_lint_rules._cache import write_marshal\n"
              "write_marshal(target.name, 'x' * 1000)"),
    "report --output": ("from connector_lint.cli import main\n"
                        "connector = target.parent.parent / 'c'; connector.mkdir(exist_ok=True)\n"
                        "(connector / 'apiDefinition.swagger.json').write_text('{\"swagger\": \"2.0\"}')\n"
                        "main(['report', str(connector), '--output', str(target)])"),
}


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_every_writer_leaves_the_file_whole_when_a_write_is_cut_short(tmp_path, writer):
    target = tmp_path / "connector-lint" / (".connector-lint.json" if writer == "editConfig" else "entry")
    target.parent.mkdir()
    original = b'{"words": ["contoso"]}\n'
    target.write_bytes(original)
    script = ("import resource, sys; from pathlib import Path; target = Path(sys.argv[1])\n"
              f"resource.setrlimit(resource.RLIMIT_FSIZE, ({len(original) + 8}, {len(original) + 8}))\n"
              + WRITERS[writer])
    result = subprocess.run([sys.executable, "-c", script, str(target)], capture_output=True, text=True)
    assert "Traceback" not in result.stderr, result.stderr
    assert target.read_bytes() == original
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary file left
    without_limit = subprocess.run([sys.executable, "-c", script.replace("resource.setrlimit", "(lambda *a: 0)"),
                                    str(target)], capture_output=True, text=True)
    assert without_limit.returncode == 0 and target.read_bytes() != original, without_limit.stderr  # it does write
