"""``python -m training monitor``: how the kiosk is doing, and whether patients have drifted.

Reads one or more kiosks' event databases (``events.sqlite3``), compares the recent window with
the window before it and with the training data, and writes an HTML report with plots whose top
lists plain-language alerts. Drift thresholds (stated in the report):
- population stability index (PSI) of the predicted-condition mix against the training prior,
  and of the language mix against the previous window: 0.10 = watch, 0.25 = act;
- abstain (triage-nurse) rate and unknown-word rate: a rise of more than 10 percentage points;
- any language whose complaints abstain more than 30% of the time (at least 10 complaints).
"""

from __future__ import annotations

import html
import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from kiosk.triage.result import REASON_PATIENT_ANSWER

PSI_WATCH = 0.10
PSI_ACT = 0.25
RATE_RISE = 0.10
LANGUAGE_ABSTAIN = 0.30
MIN_EVENTS = 10
COLUMNS = (
    "time_utc",
    "kiosk",
    "language",
    "translation_backend",
    "red_flag",
    "disease",
    "specialty",
    "abstained",
    "reason",
    "confidence",
    "latency_ms",
    "model_run_id",
    "text_length",
    "unknown_share",
)


@dataclass(frozen=True)
class Alert:
    level: str  # "act" or "watch"
    message: str


def read_events(paths: list[Path]) -> pd.DataFrame:
    """Events from several kiosks' databases, merged; a missing or damaged file is reported, not fatal."""
    frames = []
    for path in paths:
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
                frames.append(pd.read_sql_query(f"SELECT {', '.join(COLUMNS)} FROM events", db))
        except (sqlite3.Error, pd.errors.DatabaseError) as exc:
            raise ValueError(f"The event log {path} cannot be read ({exc}).") from None
    if not frames:
        return pd.DataFrame(columns=list(COLUMNS))
    events = pd.concat(frames, ignore_index=True)
    events["time_utc"] = pd.to_datetime(events["time_utc"], utc=True, format="ISO8601")
    return events.sort_values("time_utc").reset_index(drop=True)


def psi(expected: dict[str, float], actual: dict[str, float], floor: float = 1e-3) -> float:
    """Population stability index between two categorical distributions (shares)."""
    keys = set(expected) | set(actual)
    e = np.array([max(expected.get(k, 0.0), floor) for k in keys])
    a = np.array([max(actual.get(k, 0.0), floor) for k in keys])
    e, a = e / e.sum(), a / a.sum()
    return float(np.sum((a - e) * np.log(a / e)))


def shares(series: pd.Series) -> dict[str, float]:
    counts = series.dropna().value_counts(normalize=True)
    return {str(k): float(v) for k, v in counts.items()}


def windows(events: pd.DataFrame, days: int, now: datetime) -> tuple[pd.DataFrame, pd.DataFrame]:
    recent_start = now - timedelta(days=days)
    recent = events[events["time_utc"] >= recent_start]
    previous = events[(events["time_utc"] < recent_start) & (events["time_utc"] >= recent_start - timedelta(days=days))]
    return recent, previous


def drift_alerts(
    events: pd.DataFrame,
    prior: dict[str, float],
    days: int,
    now: datetime,
    language_names: dict[str, str] | None = None,
) -> tuple[list[Alert], dict]:
    names = language_names or {}
    recent, previous = windows(events, days, now)
    figures: dict = {"recent_events": len(recent), "previous_events": len(previous), "window_days": days}
    alerts: list[Alert] = []
    answered = recent[(recent["abstained"] == 0) & recent["red_flag"].isna() & recent["disease"].notna()]
    if len(answered) >= MIN_EVENTS and prior:
        value = psi(prior, shares(answered["disease"]))
        figures["psi_condition_vs_training"] = round(value, 3)
        if value >= PSI_WATCH:
            top = answered["disease"].value_counts(normalize=True).head(3)
            mix = ", ".join(f"{k} {v:.0%}" for k, v in top.items())
            alerts.append(
                Alert(
                    "act" if value >= PSI_ACT else "watch",
                    f"The mix of conditions differs from the training data (PSI {value:.2f}); most common "
                    f"this period: {mix}. Check the report's per-condition chart; retraining with "
                    "feedback may be needed.",
                )
            )
    if len(recent) >= MIN_EVENTS and len(previous) >= MIN_EVENTS:
        before, after = shares(previous["language"]), shares(recent["language"])
        value = psi(before, after)
        figures["psi_language_vs_previous"] = round(value, 3)
        if value >= PSI_WATCH:
            changes = []
            for code in sorted(set(before) | set(after), key=lambda c: -after.get(c, 0)):
                old, new = before.get(code, 0.0), after.get(code, 0.0)
                if new >= 0.05 and (old == 0 or new / max(old, 1e-9) >= 1.5):
                    factor = "new" if old == 0 else f"×{new / old:.1f}"
                    changes.append(f"{names.get(code, code)} {old:.0%} → {new:.0%} ({factor})")
            alerts.append(
                Alert(
                    "act" if value >= PSI_ACT else "watch",
                    f"The language mix changed (PSI {value:.2f})" + (": " + "; ".join(changes) if changes else "."),
                )
            )
        for column, label in (("abstained", "triage-nurse (abstain) rate"), ("unknown_share", "unknown-word rate")):
            old, new = float(previous[column].mean()), float(recent[column].mean())
            figures[f"{column}_previous"], figures[f"{column}_recent"] = round(old, 3), round(new, 3)
            if new - old > RATE_RISE:
                alerts.append(Alert("act", f"The {label} rose from {old:.0%} to {new:.0%} this period."))
    missed = recent[recent["reason"] == REASON_PATIENT_ANSWER]
    figures["danger_signs_named_at_check"] = len(missed)
    if len(missed):
        # Each is an emergency the patient told in words the text screen did not catch: the field's own
        # measure of the screen's sensitivity, and the complaints its next lexicon rows should come from.
        per = ", ".join(
            f"{names.get(code, code)} {n}" for code, n in missed["language"].fillna("?").value_counts().items()
        )
        kinds = ", ".join(f"{kind} {n}" for kind, n in missed["red_flag"].value_counts().items())
        alerts.append(
            Alert(
                "watch",
                f"{len(missed)} patient(s) named a danger sign at the last question that their own words did not "
                f"raise ({per}; {kinds}). If patient text is logged, read those complaints and add lexicon rows.",
            )
        )
    for code, group in recent.groupby("language"):
        if len(group) >= MIN_EVENTS:
            rate = float(group["abstained"].mean())
            if rate > LANGUAGE_ABSTAIN:
                backend = group["translation_backend"].mode().iloc[0] if len(group) else ""
                hint = (
                    f" — consider adding a {names.get(code, code)} translation pack"
                    if backend == "lexicon"
                    else " — review the lexicon and pack for this language"
                )
                alerts.append(
                    Alert(
                        "act",
                        f"{rate:.0%} of {names.get(code, code)} complaints ({len(group)}) went to "
                        f"the triage nurse because the kiosk was unsure{hint}.",
                    )
                )
    return alerts, figures


def write_report(
    events: pd.DataFrame,
    prior: dict[str, float],
    out_dir: Path,
    days: int,
    now: datetime,
    language_names: dict[str, str] | None = None,
) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out_dir.mkdir(parents=True, exist_ok=True)
    alerts, figures = drift_alerts(events, prior, days, now, language_names)
    images = []

    def save(fig, name: str) -> None:
        fig.tight_layout()
        fig.savefig(out_dir / name, dpi=90)
        plt.close(fig)
        images.append(name)

    if len(events):
        by_day = events.set_index("time_utc").resample("D")
        fig, axes = plt.subplots(1, 2, figsize=(12, 3.5))
        by_day.size().plot(ax=axes[0], title="Patients per day")
        events.groupby(events["time_utc"].dt.tz_convert(None).dt.hour).size().reindex(range(24), fill_value=0).plot(
            kind="bar", ax=axes[1], title="Patients by hour of day (UTC)"
        )
        save(fig, "volume.png")
        fig, axes = plt.subplots(1, 2, figsize=(12, 4))
        events["language"].value_counts().plot(kind="bar", ax=axes[0], title="Language mix")
        answered = events[events["disease"].notna()]
        observed = answered["disease"].value_counts(normalize=True)
        compare = pd.DataFrame({"kiosk": observed, "training": pd.Series(prior)}).fillna(0.0)
        compare.plot(kind="bar", ax=axes[1], title="Predicted conditions vs training prior")
        save(fig, "mix.png")
        fig, axes = plt.subplots(1, 3, figsize=(15, 3.5))
        events["confidence"].plot(kind="hist", bins=20, ax=axes[0], title="Model confidence")
        by_day["abstained"].mean().plot(ax=axes[1], title="Triage-nurse (abstain) rate per day", ylim=(0, 1))
        by_day["unknown_share"].mean().plot(ax=axes[2], title="Unknown-word rate per day", ylim=(0, 1))
        save(fig, "quality.png")
        fig, ax = plt.subplots(figsize=(6, 3.5))
        events["latency_ms"].plot(kind="hist", bins=30, ax=ax, title="Triage latency (ms)")
        save(fig, "latency.png")

    alert_html = (
        "".join(
            f"<li class='{a.level}'><b>{'ACT' if a.level == 'act' else 'WATCH'}</b>: {html.escape(a.message)}</li>"
            for a in alerts
        )
        or "<li>No drift alerts.</li>"
    )
    body = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kiosk monitoring</title>
<style>body{{font-family:sans-serif;max-width:1100px;margin:2em auto}}.act{{color:#b00020}}.watch{{color:#8a5a00}}
img{{max-width:100%}}</style></head><body><h1>Kiosk monitoring, {now:%Y-%m-%d}</h1>
<h2>Alerts (last {days} days vs the {days} before)</h2><ul>{alert_html}</ul>
<p>{len(events)} events from {events["kiosk"].nunique() if len(events) else 0} kiosk(s).
Thresholds: PSI {PSI_WATCH} watch / {PSI_ACT} act; rate rises over {RATE_RISE:.0%};
per-language abstain over {LANGUAGE_ABSTAIN:.0%} (at least {MIN_EVENTS} complaints).</p>
<pre>{html.escape(json.dumps(figures, indent=2))}</pre>
{"".join(f'<img src="{name}" alt="{name}">' for name in images)}
</body></html>"""
    path = out_dir / "monitor.html"
    path.write_text(body, encoding="utf-8")
    (out_dir / "alerts.json").write_text(
        json.dumps({"alerts": [a.__dict__ for a in alerts], "figures": figures}, indent=2), encoding="utf-8"
    )
    return path


def training_prior(manifest: dict) -> dict[str, float]:
    counts = manifest.get("data", {}).get("counts", {}).get("labels", {})
    total = sum(counts.values()) or 1
    return {label: n / total for label, n in counts.items()}


def now_utc() -> datetime:
    return datetime.now(UTC)
