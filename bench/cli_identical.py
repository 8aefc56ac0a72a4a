"""Is the CLI's output unchanged? Run `check` at a git revision and in this tree, compare bytes.

    .venv/bin/python bench/cli_identical.py [--rev REV] [--corpus DIR] [--formats text,json,sarif,github]
                                            [--fix-sample N]

For each format, `check CORPUS --format F --fail-on error` runs with `--jobs 1` at REV (default:
the main this branch last merged; its server/ and rules/ are extracted as bench/identical.py does;
what it printed is kept, per commit, for the next comparison) and here with `--jobs 1` and with the
default number of jobs; standard output, standard error and the exit code must be the same byte for
byte, for all three runs of a format. Then `--fix` runs over copies of
N connectors of the corpus (every 20th folder), once per tree: the files it leaves, what it prints
and its exit code must be the same. Exit code 1 on any difference.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from identical import CORPUS, ROOT, extract  # noqa: E402


def run(pythonpath: str | None, args: list[str], cwd: Path) -> tuple[bytes, bytes, int]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    result = subprocess.run([sys.executable, "-m", "connector_lint", *args], capture_output=True, env=env, cwd=cwd)
    return result.stdout, result.stderr, result.returncode


def brief(out: tuple[bytes, bytes, int]) -> str:
    return (f"stdout {len(out[0]):,} bytes sha256 {hashlib.sha256(out[0]).hexdigest()[:12]}, "
            f"stderr {len(out[1]):,} bytes, exit {out[2]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rev", default=None)
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--formats", default="text,json,sarif,github")
    ap.add_argument("--fix-sample", type=int, default=31)
    args = ap.parse_args()
    corpus = Path(args.corpus).resolve()
    if args.rev is None:
        args.rev = subprocess.run(["git", "-C", str(ROOT), "merge-base", "HEAD", "main"], check=True,
                                  capture_output=True, text=True).stdout.strip()
    target = extract(args.rev)
    base = str(target / "pkgs")
    cwd = ROOT.parent  # the corpus is below it: paths are shown relative, as a user in a repository sees them
    different = 0
    for fmt in args.formats.split(","):
        outs = {}
        kept = target / f"cli-{fmt}-{hashlib.sha256(str(corpus).encode()).hexdigest()[:8]}.pickle"
        if kept.exists():
            outs[("rev", "1")] = pickle.loads(kept.read_bytes())
        for name, pythonpath, jobs in (("rev", base, "1"), ("here", None, "1"), ("here", None, None)):
            if (name, jobs) not in outs:
                extra = ["--jobs", jobs] if jobs else []
                outs[(name, jobs or "default")] = run(pythonpath, ["check", str(corpus), "--format", fmt,
                                                                   "--no-progress", *extra], cwd)
        if not kept.exists():
            partial = kept.with_name(f"{kept.name}.{os.getpid()}.partial")
            partial.write_bytes(pickle.dumps(outs[("rev", "1")]))
            os.replace(partial, kept)
        reference = outs[("rev", "1")]
        for key, out in outs.items():
            same = out == reference
            different += not same
            print(f"{fmt:7} {key[0]:4} jobs {key[1]:7}: {brief(out)}{'' if same else '  DIFFERENT'}")
    if args.fix_sample:
        folders = sorted(p for p in corpus.iterdir() if p.is_dir())
        sample = folders[:: max(1, len(folders) // args.fix_sample)][: args.fix_sample]
        with tempfile.TemporaryDirectory() as tmp:
            results = {}
            for name, pythonpath in (("rev", base), ("here", None)):
                tree = Path(tmp) / name / "connectors"
                for folder in sample:
                    shutil.copytree(folder, tree / folder.name)
                results[name] = run(pythonpath, ["check", "connectors", "--fix", "--format", "json",
                                                 "--no-progress"], tree.parent)
            same = results["rev"] == results["here"]
            compared = filecmp.dircmp(Path(tmp) / "rev", Path(tmp) / "here")
            mismatched = []

            def walk(c, prefix=""):
                mismatched.extend(prefix + n for n in c.diff_files + c.left_only + c.right_only + c.funny_files)
                for sub_name, sub in c.subdirs.items():
                    walk(sub, prefix + sub_name + "/")
            walk(compared)
            # dircmp compares by stat signature first: compare every file's bytes to be sure
            for path in (Path(tmp) / "rev").rglob("*"):
                if path.is_file():
                    other = Path(tmp) / "here" / path.relative_to(Path(tmp) / "rev")
                    if not other.is_file() or other.read_bytes() != path.read_bytes():
                        mismatched.append(str(path.relative_to(Path(tmp) / "rev")))
            different += (not same) + bool(mismatched)
            print(f"--fix over {len(sample)} connectors: rev {brief(results['rev'])}; here {brief(results['here'])}"
                  f"{'' if same else '  DIFFERENT OUTPUT'}; files {'differ: ' + ', '.join(sorted(set(mismatched))[:10]) if mismatched else 'identical'}")
    print("DIFFERENT" if different else f"identical (at {args.rev[:12]} and here)")
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
