"""``python -m training packs``: install and manage offline Argos translation packs."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk import paths
from kiosk.triage.languages import load_languages
from training import packs


def add_parser(sub) -> None:
    parser = sub.add_parser("packs", help="manage offline translation packs (Argos .argosmodel files)")
    actions = parser.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="check and install a pack file")
    add.add_argument("file", type=Path)
    actions.add_parser("list", help="show installed packs")
    remove = actions.add_parser("remove", help="uninstall a pack (by language code or folder name)")
    remove.add_argument("name")
    actions.add_parser("verify", help="check every installed pack is intact and translates")
    download = actions.add_parser("download", help="download the official pack (needs internet and argostranslate)")
    download.add_argument("--lang", required=True)
    download.add_argument("--out", type=Path, default=Path("."))


def run(args: argparse.Namespace) -> int:
    packs_dir = paths.argos_dir()
    if args.action == "add":
        offered = set(load_languages(paths.resources_dir() / "languages.toml").codes)
        pack = packs.add(args.file, packs_dir, offered)
        print(f"Installed {pack.info.name} into {pack.info.path} (sha256 {pack.archive_sha256[:16]}…).")
        return 0
    if args.action == "list":
        rows = packs.installed(packs_dir)
        if not rows:
            print(f"No translation packs installed in {packs_dir}. Languages without a pack use the symptom lexicon.")
        for name, entry, problem in rows:
            version = entry.get("package_version", "?")
            status = f"PROBLEM: {problem}" if problem else f"ok, installed {entry.get('installed_utc', '?')}"
            print(f"{name:<10} version {version:<8} {status}")
        return 0
    if args.action == "remove":
        print(f"Removed {packs.remove(args.name, packs_dir)}.")
        return 0
    if args.action == "verify":
        problems = packs.verify(packs_dir)
        for problem in problems:
            print(f"PROBLEM: {problem}")
        print("All packs are intact and translate." if not problems else f"{len(problems)} problem(s) found.")
        return 1 if problems else 0
    if args.action == "download":
        print(f"Downloaded {packs.download(args.lang, args.out)}; copy it to the kiosk PC and run `packs add`.")
        return 0
    return 2
