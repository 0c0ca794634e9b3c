"""``python -m training``: the staff command line. Every stage prints what it did and how long it took."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.errors import KioskError
from training import registry, run
from training.etl import EtlError
from training.settings import Settings
from training.tracking import Tracker
from training.train import start_workers

log = logging.getLogger("training")


def _latest_run(settings: Settings) -> Path:
    runs = sorted(p for p in settings.artifacts_dir.glob("*") if (p / "training.json").exists())
    if not runs:
        raise EtlError(f"No training runs in {settings.artifacts_dir}; run `python -m training train` first.")
    return runs[-1]


def _run_dir(settings: Settings, run_id: str | None) -> Path:
    if run_id is None:
        return _latest_run(settings)
    path = settings.artifacts_dir / run_id
    if not path.is_dir():
        raise EtlError(f"There is no run {run_id} in {settings.artifacts_dir}.")
    return path


class Stages:
    """Runs stages with a progress line and timing each."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    def __call__(self, name: str, func: Callable, *args, **kwargs):
        print(f"[{name}] …", flush=True)
        started = time.perf_counter()
        result = func(*args, **kwargs)
        self.timings[name] = time.perf_counter() - started
        print(f"[{name}] done in {self.timings[name]:.1f} s", flush=True)
        return result


def cmd_all(settings: Settings, args: argparse.Namespace) -> int:
    stages = Stages()
    total = time.perf_counter()
    data = stages("etl", run.stage_etl, settings)
    run_dir = settings.artifacts_dir / registry.new_run_id()
    scorer = run.PatientScorer(settings)  # reads the patient-style sets once for every model of the run
    scorer.readings.read_in_background(settings.resources_dir, [settings.dev_dir, settings.holdout_dir])
    workers = start_workers()
    training = stages("train", run.stage_train, settings, data, run_dir, scorer)
    list(workers)  # the warm-up's results (long done); collecting them ends it cleanly
    print(f"        chosen {training['chosen']}")
    tracker = None if args.no_tracking else Tracker(settings.artifacts_dir.parent)
    try:
        evaluation = stages("evaluate", run.stage_evaluate, settings, data, run_dir, scorer)
        if tracker is not None:
            tracker.begin(run_dir)
        _print_metrics(evaluation)
        plotting = run.plot_in_background(data, run_dir)
        decision = None
        if evaluation["gate"]["passed"]:
            decision = stages("compare", run.stage_compare, settings, data, run_dir, args.force, scorer)
        report = stages("report", run.stage_report, settings, data, run_dir, plotting=plotting)
        if decision and decision["promote"]:
            stages("promote", run.stage_install, settings, run_dir, decision)
    except BaseException:
        if tracker is not None:
            tracker.cancel()
        raise
    if tracker is not None:
        promoted = bool(decision and decision["promote"])
        print("        " + stages("track", tracker.finish, promoted))
    print(f"Run {run_dir.name} finished in {time.perf_counter() - total:.1f} s. Report: {report}")
    if not evaluation["gate"]["passed"]:
        print(
            f"NOT PROMOTED: test accuracy {evaluation['gate']['value']:.3f} is below the "
            f"{evaluation['gate']['required']:.2f} gate."
        )
        return 2
    print(("PROMOTED: " if decision["promote"] else "NOT PROMOTED: ") + decision["reason"])
    return 0


def _print_metrics(evaluation: dict) -> None:
    metrics = evaluation["metrics"]
    for name, m in metrics.items():
        if isinstance(m, dict) and "macro_f1" in m:
            print(
                f"        {name:<11} n={m['n']:<4} accuracy {m['accuracy']:.3f}  macro F1 {m['macro_f1']:.3f}  "
                f"specialty {m['specialty_accuracy']:.3f}"
            )
    for name in ("dev", "holdout"):
        rows = {code: figures[name] for code, figures in metrics.get("languages", {}).items() if name in figures}
        if rows:
            print(f"        {name} by language (accuracy, red flags caught, false alarms, language detected):")
            for code, f in rows.items():
                sens = "n/a" if f["red_flag_sensitivity"] is None else f"{f['red_flag_sensitivity']:.0%}"
                print(
                    f"          {code}: {f['accuracy']:.3f}  red flags {sens}  "
                    f"false alarms {f['false_alarm_rate']:.1%}  language {f['language_accuracy']:.1%}"
                )
    t = evaluation["threshold"]
    print(f"        abstain below confidence {t['threshold']:.2f} (answers {t['coverage']:.0%} at {t['accuracy']:.0%})")
    g = evaluation["gate"]
    print(
        f"        gate: test accuracy {g['value']:.3f} >= {g['required']:.2f}: {'passed' if g['passed'] else 'FAILED'}"
    )


def cmd_etl(settings: Settings, args: argparse.Namespace) -> int:
    data = Stages()("etl", run.stage_etl, settings)
    counts = data.record["counts"]
    print(
        f"{counts['rows_out']} clean rows ({counts['dropped_duplicate_texts']} duplicates, "
        f"{counts['dropped_null_or_empty']} empty dropped) → {settings.processed_dir}"
    )
    return 0


def cmd_train(settings: Settings, args: argparse.Namespace) -> int:
    data = run.dataset_for(settings)
    run_dir = settings.artifacts_dir / registry.new_run_id()
    training = Stages()("train", run.stage_train, settings, data, run_dir)
    print(f"Run {run_dir.name}: chosen {training['chosen']}")
    return 0


def cmd_evaluate(settings: Settings, args: argparse.Namespace) -> int:
    run_dir = _run_dir(settings, args.run)
    evaluation = Stages()("evaluate", run.stage_evaluate, settings, run.dataset_for(settings), run_dir)
    _print_metrics(evaluation)
    return 0 if evaluation["gate"]["passed"] else 2


def cmd_report(settings: Settings, args: argparse.Namespace) -> int:
    run_dir = _run_dir(settings, args.run)
    print(f"Report: {Stages()('report', run.stage_report, settings, run.dataset_for(settings), run_dir)}")
    return 0


def cmd_promote(settings: Settings, args: argparse.Namespace) -> int:
    run_dir = _run_dir(settings, args.run)
    decision = Stages()("promote", run.stage_promote, settings, run.dataset_for(settings), run_dir, args.force)
    print(("PROMOTED: " if decision["promote"] else "NOT PROMOTED: ") + decision["reason"])
    return 0 if decision["promote"] else 2


def cmd_rollback(settings: Settings, args: argparse.Namespace) -> int:
    run_id = registry.rollback(settings.model_dir)
    print(f"Rolled back: the kiosk now uses model {run_id} (the replaced one is kept as the previous model).")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m training",
        description="Build, evaluate and ship the triage kiosk's model. With no command: the full run "
        "(etl → train → evaluate → promote → report).",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="show detailed progress")
    parser.add_argument("--no-tracking", action="store_true", help="do not record the run in the local MLflow store")
    parser.add_argument(
        "--force",
        action="store_true",
        help="promote even if worse than the shipped model (never below the accuracy gate)",
    )
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("all", help="the full run (default)")
    sub.add_parser("etl", help="check and clean the raw data, make the fixed train/test split")
    sub.add_parser("train", help="choose settings by cross-validation and train a new run")
    for name, text in (
        ("evaluate", "measure a run (default: the latest) and apply the accuracy gate"),
        ("report", "write a run's plots, HTML report and model card"),
        ("promote", "ship a run to the kiosk if it passes the gate and is not worse"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("--run", help="run id (folder name under artifacts/runs)")
    sub.add_parser("rollback", help="go back to the previously shipped model")
    devcheck = sub.add_parser("devcheck", help="lexicon authors: how the kiosk reads one language's dev set")
    devcheck.add_argument("language", help="language code, e.g. ar")
    devcheck.add_argument("--misses", action="store_true", help="show only the complaints it got wrong")
    typos = sub.add_parser("typocheck", help="red flags caught when each complaint has one typing slip (figures only)")
    typos.add_argument("languages", nargs="*", help="language codes (default: all)")
    typos.add_argument("--holdout", action="store_true", help="measure the held-out sets instead of the dev sets")
    urgency = sub.add_parser("urgency", help="retrain the learned urgency screen from the dev sets")
    urgency.add_argument("languages", nargs="*", help="language codes (default: all offered)")
    wording = sub.add_parser("wording", help="retrain the wording reader from the dev sets")
    wording.add_argument("languages", nargs="*", help="language codes (default: all offered)")
    feedback = sub.add_parser("feedback", help="import staff feedback (where patients really went) from CSV")
    feedback.add_argument("action", choices=["import"])
    feedback.add_argument("file", type=Path, help="CSV with text, language, specialty, condition columns")
    monitor = sub.add_parser("monitor", help="drift and quality report from kiosk event logs")
    monitor.add_argument("events", nargs="*", type=Path, help="events.sqlite3 files (several kiosks merge)")
    monitor.add_argument("--days", type=int, default=7, help="compare the last N days with the N days before")
    monitor.add_argument("--out", type=Path, default=Path("artifacts") / "monitor")
    from training import packs_cli

    packs_cli.add_parser(sub)
    return parser


def cmd_feedback(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.triage.languages import load_languages
    from training.feedback import FeedbackError, import_file

    languages = set(load_languages(settings.resources_dir / "languages.toml").codes)
    try:
        target, count = import_file(args.file, settings.feedback_dir, run.specialties_of(settings), languages)
    except FeedbackError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    print(f"Imported {count} feedback rows as {target}. The next `python -m training` run uses them.")
    return 0


def cmd_monitor(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.app import config_path
    from kiosk.config import load_config
    from kiosk.triage.languages import load_languages
    from kiosk.triage.model import read_manifest
    from training import monitor

    languages = load_languages(settings.resources_dir / "languages.toml")
    paths = args.events or [load_config(config_path(None), languages.codes).events_database]
    try:
        events = monitor.read_events(paths)
    except ValueError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    names = {lang.code: lang.english for lang in languages.languages}
    report = monitor.write_report(
        events, monitor.training_prior(read_manifest(settings.model_dir)), args.out, args.days, monitor.now_utc(), names
    )
    alerts = json.loads((args.out / "alerts.json").read_text(encoding="utf-8"))["alerts"]
    for alert in alerts:
        print(f"{alert['level'].upper()}: {alert['message']}")
    print(f"{len(events)} events; {len(alerts)} alert(s). Report: {report}")
    return 0


def cmd_devcheck(settings: Settings, args: argparse.Namespace) -> int:
    from training.devcheck import check

    right, total, lines = check(settings.resources_dir, args.language, settings.dev_dir, args.misses)
    print("\n".join(lines))
    print(f"{args.language}: {right}/{total} right")
    return 0


def cmd_typocheck(settings: Settings, args: argparse.Namespace) -> int:
    from training.typocheck import report

    directory = settings.holdout_dir if args.holdout else settings.dev_dir
    print("\n".join(report(settings.resources_dir, directory, args.languages or None)))
    return 0


def _rows_stop(settings: Settings) -> Callable[[str, list[str]], list[bool]] | None:
    """Which complaints the kiosk's red-flag rows (and spelling reader) stop before the learned screen is asked;
    None, said aloud, when the kiosk's resources cannot be read."""
    from kiosk.triage.engine import Resources, TriageEngine

    try:
        resources = Resources.load(settings.resources_dir)
    except KioskError as problem:
        print(
            f"The kiosk's lexicon and rules could not be read ({problem}); every ordinary validation complaint bounds the threshold."
        )
        return None
    resources.urgency = None  # the rows alone: the screen being trained must not judge itself
    engine = TriageEngine(resources)
    return lambda code, texts: [r.red_flag is not None for r in engine.triage_many([(t, code) for t in texts])]


def _languages(settings: Settings, args: argparse.Namespace) -> list[str] | None:
    """The language codes asked for (default: all offered), or None (said aloud) when one is not offered."""
    from kiosk.triage.languages import load_languages

    offered = load_languages(settings.resources_dir / "languages.toml").codes
    codes = args.languages or list(offered)
    unknown = sorted(set(codes) - set(offered))
    if unknown:
        print(f"Not an offered language: {', '.join(unknown)} (see resources/languages.toml).")
        return None
    return codes


def cmd_urgency(settings: Settings, args: argparse.Namespace) -> int:
    from training.urgency import save, train_all

    codes = _languages(settings, args)
    if codes is None:
        return 2
    fits, skipped = train_all(settings.dev_dir, settings.validation_dir, codes, rows_stop=_rows_stop(settings))
    for fit in fits:
        print(
            f"{fit.code}: {fit.emergencies} emergencies, {fit.ordinary} ordinary; alarm at p >= {fit.threshold:.2f}; "
            f"alone it catches {fit.cv_sensitivity:.0%} of dev emergencies with {fit.cv_false_alarms:.1%} false alarms "
            f"(cross-validated), {fit.validation_sensitivity:.0%} / {fit.validation_false_alarms:.1%} on validation"
        )
    for code, why in skipped.items():
        print(f"{code}: no learned screen ({why})")
    print(f"Written: {save(fits, settings.urgency_dir, settings.dev_dir)}")
    return 0


def cmd_wording(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.triage.model import load_model
    from training.wording import save, train_all

    codes = _languages(settings, args)
    if codes is None:
        return 2
    classes = tuple(load_model(settings.model_dir).labels)
    fits, skipped = train_all(settings.dev_dir, settings.validation_dir, codes, classes)
    for fit in fits:
        validation = "no validation set" if fit.validation_accuracy is None else f"{fit.validation_accuracy:.3f}"
        print(
            f"{fit.code}: {fit.complaints} ordinary dev complaints; alone it names the condition of "
            f"{fit.cv_accuracy:.3f} of them (cross-validated), {validation} on validation"
        )
    for code, why in skipped.items():
        print(f"{code}: no wording reader ({why})")
    print(f"Written: {save(fits, classes, settings.wording_dir, settings.dev_dir)}")
    return 0


COMMANDS: dict[str, Callable[[Settings, argparse.Namespace], int]] = {
    "all": cmd_all,
    "etl": cmd_etl,
    "train": cmd_train,
    "evaluate": cmd_evaluate,
    "report": cmd_report,
    "promote": cmd_promote,
    "rollback": cmd_rollback,
    "monitor": cmd_monitor,
    "feedback": cmd_feedback,
    "devcheck": cmd_devcheck,
    "typocheck": cmd_typocheck,
    "urgency": cmd_urgency,
    "wording": cmd_wording,
}


def main(argv: list[str] | None = None, settings: Settings | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    settings = settings or Settings()
    command = args.command or "all"
    try:
        if command == "packs":
            from training import packs_cli

            return packs_cli.run(args)
        return COMMANDS[command](settings, args)
    except (EtlError, KioskError, registry.RegistryError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
