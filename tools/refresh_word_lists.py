"""Refresh the vendored cspell word lists in rules/data/cspell-*.txt from npm.

    python3 tools/refresh_word_lists.py

Needs `npm` and the network (a maintainer's step, never run by the linter). Each list is the
words of one package's dictionary files, one a line, with a header naming the package, its
version and its licence (MIT; the licence text is rules/data/LICENSE-cspell.txt). The English
dictionary (@cspell/dict-en_us) is not vendored: pyspellchecker's list already covers English,
and that package ships a compiled trie rather than a word list.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "rules" / "data"
# package -> the dictionary files of it that are plain word lists (affix lists such as
# coding-compound-terms.txt are left out: they are patterns, not words)
PACKAGES = {
    "@cspell/dict-software-terms": ["softwareTerms.txt.gz", "software-tools.txt", "webServices.txt",
                                    "networkingTerms.txt", "computing-acronyms.txt",
                                    "software-terms-alternative.txt"],
    "@cspell/dict-companies": ["companies.txt"],
    "@cspell/dict-fullstack": ["fullstack.txt"],
}


def words_of(text: str) -> set[str]:
    out = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith(("*", "+", "!", "~")) and " " not in line:
            out.add(line)
    return out


def main() -> None:
    licence = None
    with tempfile.TemporaryDirectory() as tmp:
        for package, files in PACKAGES.items():
            name = subprocess.run(["npm", "pack", package, "--silent"], cwd=tmp, capture_output=True, text=True,
                                  check=True).stdout.strip().splitlines()[-1]
            with tarfile.open(Path(tmp) / name) as archive:
                members = {Path(m.name).name: m for m in archive.getmembers() if m.isfile()}
                meta = json.load(archive.extractfile(members["package.json"]))
                words: set[str] = set()
                for file in files:
                    data = archive.extractfile(members[file]).read()
                    words |= words_of((gzip.decompress(data) if file.endswith(".gz") else data).decode("utf-8"))
                licence = licence or archive.extractfile(members["LICENSE"]).read().decode("utf-8")
            if meta.get("license") != "MIT":
                sys.exit(f"{package}: licence {meta.get('license')}, not MIT: not vendored")
            target = DATA / f"cspell-{package.split('/dict-')[-1]}.txt"
            header = (f"# {package}@{meta['version']} ({', '.join(files)}), MIT licence: rules/data/LICENSE-cspell.txt.\n"
                      "# Refreshed by tools/refresh_word_lists.py; do not edit by hand.\n")
            target.write_text(header + "\n".join(sorted(words, key=lambda w: (w.lower(), w))) + "\n", encoding="utf-8")
            print(f"{target.name}: {len(words)} words from {package}@{meta['version']}")
    (DATA / "LICENSE-cspell.txt").write_text(licence, encoding="utf-8")


if __name__ == "__main__":
    main()
