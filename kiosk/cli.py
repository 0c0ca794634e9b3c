"""``python -m kiosk``: the touchscreen kiosk, and headless tools for staff and evaluation.

- ``python -m kiosk`` starts the kiosk UI (headless self-test when there is no display).
- ``python -m kiosk triage [--lang CODE] "text"`` prints one JSON result.
- ``python -m kiosk triage --jsonl FILE|-`` reads ``{"text", "language"}`` lines, writes one result per line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from kiosk.errors import KioskError

CLI_FIELDS = (
    "language",
    "detected_language",
    "english_text",
    "translation_backend",
    "red_flag",
    "disease",
    "top3",
    "specialty",
    "confidence",
    "abstained",
    "elapsed_ms",
)


def result_json(result) -> dict:
    """The CLI contract's fields first (stable for external evaluation), then the rest."""
    data = result.to_json()
    ordered = {key: data[key] for key in CLI_FIELDS}
    ordered.update({k: v for k, v in data.items() if k not in ordered})
    return ordered


def _jsonl_inputs(stream: TextIO) -> Iterator[tuple[str | None, str | None, str | None]]:
    """(text, language, error) per line; a bad line yields an error instead of stopping the batch."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            yield None, None, f"line {number}: not valid JSON"
            continue
        if not isinstance(item, dict) or not isinstance(item.get("text", ""), str):
            yield None, None, f"line {number}: expected an object with a text field"
            continue
        language = item.get("language")
        yield item.get("text", ""), language if isinstance(language, str) else None, None


def run_triage(args: argparse.Namespace, out: TextIO) -> int:
    from kiosk.triage.engine import TriageEngine

    engine = TriageEngine.from_resources()
    if args.jsonl:
        stream = sys.stdin if args.jsonl == "-" else open(args.jsonl, encoding="utf-8", errors="replace")  # noqa: SIM115
        with stream:
            for text, language, error in _jsonl_inputs(stream):
                if error:
                    out.write(json.dumps({"error": error}, ensure_ascii=False) + "\n")
                    continue
                out.write(
                    json.dumps(result_json(engine.triage(text, language or args.lang)), ensure_ascii=False) + "\n"
                )
                out.flush()
        return 0
    text = " ".join(args.text)
    out.write(json.dumps(result_json(engine.triage(text, args.lang)), ensure_ascii=False, indent=2) + "\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kiosk", description="ER triage kiosk.")
    parser.add_argument("--windowed", action="store_true", help="run in a window instead of fullscreen (demos)")
    parser.add_argument("--self-test", action="store_true", help="check model, lexicon, packs and UI, then exit")
    parser.add_argument("--version", action="store_true", help="print version, model run and packs, then exit")
    parser.add_argument("--config", help="hospital config file (TOML)")
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)  # benchmark: exit on 1st frame
    sub = parser.add_subparsers(dest="command")
    triage = sub.add_parser("triage", help="triage text headlessly and print JSON")
    triage.add_argument("--lang", help="language the patient chose (e.g. es); detected when omitted")
    triage.add_argument("--jsonl", metavar="FILE", help="one JSON object per line ({text, language}); - for stdin")
    triage.add_argument("text", nargs="*", help="the complaint")
    queue = sub.add_parser("queue", help="print today's queue tickets (for staff)")
    queue.add_argument("--date", help="another day, YYYY-MM-DD")
    sub.add_parser("hash-pin", help="make the staff_pin_hash value for the config file")
    return parser


def run_queue(args: argparse.Namespace, out: TextIO) -> int:
    from datetime import date

    from kiosk import paths
    from kiosk.app import config_path
    from kiosk.config import load_config
    from kiosk.queue import TicketStore
    from kiosk.triage.languages import load_languages

    offered = load_languages(paths.resources_dir() / "languages.toml").codes
    config = load_config(config_path(args.config), offered)
    day = date.fromisoformat(args.date) if args.date else None
    tickets = TicketStore(config.database, config.kiosk_name).today(day)
    if not tickets:
        out.write("No tickets yet today.\n")
    for ticket in tickets:
        out.write(f"{ticket.created_local[11:16]}  {ticket.code:<8} {ticket.kind:<10} {ticket.specialty}\n")
    return 0


def run_hash_pin(out: TextIO) -> int:
    import getpass

    from kiosk.config import hash_pin

    pin = getpass.getpass("New staff PIN (digits): ")
    if not pin.isdigit() or len(pin) < 4:
        print("The PIN must be at least 4 digits.", file=sys.stderr)
        return 1
    if getpass.getpass("Repeat the PIN: ") != pin:
        print("The two PINs differ.", file=sys.stderr)
        return 1
    out.write(f'staff_pin_hash = "{hash_pin(pin)}"\n')
    return 0


def main(argv: Iterable[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        if args.command == "triage":
            if not args.jsonl and not args.text:
                parser.error("give the complaint text, or --jsonl FILE")
            return run_triage(args, sys.stdout)
        if args.command == "queue":
            return run_queue(args, sys.stdout)
        if args.command == "hash-pin":
            return run_hash_pin(sys.stdout)
        from kiosk.app import run_app

        return run_app(args)
    except KioskError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
