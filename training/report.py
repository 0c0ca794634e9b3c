"""The per-run HTML report for a nurse manager and the model card that ships with the model."""

from __future__ import annotations

import html
import json
from pathlib import Path

import joblib
import numpy as np

from kiosk.triage.model import CARD_FILE, MANIFEST_FILE, MODEL_FILE
from training import plots
from training.etl import Dataset
from training.settings import Settings


def top_keywords(pipeline, per_class: int = 8) -> dict[str, list[tuple[str, float]]]:
    """Words whose log-probability in a class most exceeds their average over all classes."""
    names = pipeline.named_steps["tfidf"].get_feature_names_out()
    log_prob = pipeline.named_steps["nb"].feature_log_prob_
    lift = log_prob - log_prob.mean(axis=0)
    words = np.array([n.startswith("word__") for n in names])
    result = {}
    for index, cls in enumerate(pipeline.classes_):
        scores = np.where(words, lift[index], -np.inf)
        best = np.argsort(scores)[::-1][:per_class]
        result[str(cls)] = [(names[i].removeprefix("word__"), round(float(scores[i]), 3)) for i in best]
    return result


FIGURES = {
    "confusion": "confusion_matrix.png",
    "distribution": "class_distribution.png",
    "keywords": "top_keywords.png",
    "coverage": "coverage_accuracy.png",
}


def write_plots(run_dir: Path, train_labels: list[str], test_labels: list[str]) -> dict[str, Path]:
    """Draw the run's figures from its files. Plain arguments, so it can run in a worker process while
    the run is compared with the shipped model."""
    pipeline = joblib.load(run_dir / MODEL_FILE)
    evaluation = json.loads((run_dir / "evaluation.json").read_text(encoding="utf-8"))
    return {
        "confusion": plots.confusion_matrix_plot(
            np.array(evaluation["confusion"]),
            evaluation["classes"],
            run_dir / FIGURES["confusion"],
            "Held-out test split",
        ),
        "distribution": plots.class_distribution_plot(train_labels, test_labels, run_dir / FIGURES["distribution"]),
        "keywords": plots.top_keywords_plot(top_keywords(pipeline), run_dir / FIGURES["keywords"]),
        "coverage": plots.coverage_plot(
            evaluation["curves"], evaluation["threshold"]["threshold"], run_dir / FIGURES["coverage"]
        ),
    }


def _table(rows: list[list[object]], header: list[str]) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def write_report(settings: Settings, data: Dataset, run_dir: Path, plots: bool = True) -> Path:
    """Write plots (unless ``plots`` is False and they exist), ``report.html`` and the model card."""
    evaluation = json.loads((run_dir / "evaluation.json").read_text(encoding="utf-8"))
    manifest = json.loads((run_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
    training = json.loads((run_dir / "training.json").read_text(encoding="utf-8"))
    promotion_path = run_dir / "promotion.json"
    promotion = json.loads(promotion_path.read_text(encoding="utf-8")) if promotion_path.exists() else None

    classes = evaluation["classes"]
    if not plots and all((run_dir / name).exists() for name in FIGURES.values()):
        figures = {key: run_dir / name for key, name in FIGURES.items()}
    else:
        figures = write_plots(run_dir, list(data.train[1]), list(data.test[1]))
    metrics = evaluation["metrics"]

    gate = evaluation["gate"]
    threshold = evaluation["threshold"]
    metric_rows = [
        [name, m["n"], _pct(m["accuracy"]), _pct(m["macro_f1"]), _pct(m["specialty_accuracy"])]
        for name, m in metrics.items()
        if isinstance(m, dict) and "macro_f1" in m
    ]
    language_rows = []
    for code, sets in metrics.get("languages", {}).items():
        for name, f in sets.items():
            language_rows.append(
                [
                    code,
                    name,
                    f["n"],
                    _pct(f["accuracy"]),
                    _pct(f["answered_share"]),
                    _pct(f["answered_accuracy"]),
                    _pct(f["red_flag_sensitivity"]),
                    _pct(f["false_alarm_rate"]),
                    _pct(f["language_accuracy"]),
                ]
            )
    per_class_rows = [
        [
            c,
            f"{evaluation['per_class'][c]['precision']:.2f}",
            f"{evaluation['per_class'][c]['recall']:.2f}",
            f"{evaluation['per_class'][c]['f1-score']:.2f}",
            int(evaluation["per_class"][c]["support"]),
        ]
        for c in classes
    ]
    candidate_rows = [
        [
            json.dumps({k: v for k, v in c["params"].items()}),
            f"{c['cv_mean']:.4f}",
            "n/a" if c["dev_accuracy"] is None else f"{c['dev_accuracy']:.4f}",
        ]
        for c in training["candidates"]
    ]
    fb = manifest.get("feedback", {})
    fb_metric = metrics.get("feedback_specialty")
    feedback_html = (
        f"<h2>Staff feedback</h2><p>{fb.get('rows', 0)} feedback rows from {len(fb.get('files', {}))} file(s) "
        f"({fb.get('training_rows', 0)} used for training: {html.escape(', '.join(fb.get('files', {})))}). "
        + (
            f"Right queue for {_pct(fb_metric['accuracy'])} of {fb_metric['n']} feedback patients.</p>"
            if fb_metric
            else "</p>"
        )
        if fb.get("rows")
        else "<p>No staff feedback imported yet (<code>python -m training feedback import FILE.csv</code>).</p>"
    )
    verdict = (
        "<p class='ok'>Accuracy gate passed</p>"
        if gate["passed"]
        else "<p class='bad'>Accuracy gate FAILED: this model will not be shipped</p>"
    )
    promo = (
        ""
        if promotion is None
        else (
            f"<h2>Promotion</h2><p>{'Promoted to the kiosk' if promotion['promote'] else 'Not promoted'}: "
            f"{html.escape(promotion['reason'])}</p>"
        )
    )
    body = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Triage model run {run_dir.name}</title>
<style>body{{font-family:sans-serif;max-width:1100px;margin:2em auto;line-height:1.4}}table{{border-collapse:collapse;margin:1em 0}}
td,th{{border:1px solid #ccc;padding:4px 8px;text-align:left}}.ok{{color:#1b7f3b;font-weight:bold}}.bad{{color:#b00020;font-weight:bold}}
img{{max-width:100%}}</style></head><body>
<h1>Triage model run {html.escape(run_dir.name)}</h1>
<p>This model routes a patient's own description to a specialty queue. It does not diagnose; a nurse always triages.</p>
{verdict}
<p>Held-out test accuracy {_pct(gate["value"])} (gate {_pct(gate["required"])}).
Mean {settings.cv_folds}-fold cross-validation accuracy on the training split: {
        _pct(training["chosen"]["cv_mean"])
    }.</p>
<h2>Accuracy</h2>
<p><b>test</b>: the dataset's own held-out 20% (long written paragraphs). <b>dev_en</b>: our short patient-style English
complaints, used to choose settings. <b>holdout_en</b>: patient-style complaints nobody tuned on: the most honest figure.</p>
{_table(metric_rows, ["set", "complaints", "accuracy", "macro F1", "right specialty"])}
<h2>Every language, end to end (lexicon or pack translation, red-flag screen, model)</h2>
<p><b>dev</b> sets were used to tune; <b>holdout</b> sets were written independently and never tuned on.</p>
{
        _table(
            language_rows,
            [
                "language",
                "set",
                "complaints",
                "accuracy",
                "given a ticket",
                "ticket accuracy",
                "red flags caught",
                "false alarms",
                "language detected",
            ],
        )
    }
{feedback_html}
<h2>When the kiosk hands over to the triage nurse</h2>
<p>The kiosk gives a specialty ticket only when the model's confidence is at least <b>{threshold["threshold"]:.2f}</b>;
below that the patient gets a triage-nurse ticket. On patient-style complaints this answers
{_pct(threshold["coverage"])} of patients and sends {_pct(threshold["accuracy"])} of them to the right queue
(target {_pct(threshold["target_accuracy"])}{"" if threshold["target_met"] else ", NOT met"}).</p>
<img src="{figures["coverage"].name}" alt="coverage versus accuracy">
{promo}
<h2>Confusion matrix (test split)</h2><img src="{figures["confusion"].name}" alt="confusion matrix">
<h2>Per condition (test split)</h2>{_table(per_class_rows, ["condition", "precision", "recall", "F1", "n"])}
<h2>Data</h2><p>{html.escape(manifest["data"]["source"])} (sha256 {manifest["data"]["sha256"][:16]}…):
{manifest["data"]["counts"]["rows_in"]} rows in, {manifest["data"]["counts"]["rows_out"]} after removing
{manifest["data"]["counts"]["dropped_duplicate_texts"]} duplicate texts; split {
        manifest["data"]["split"]["train"]
    } train /
{manifest["data"]["split"]["test"]} test (seed {manifest["data"]["split"]["seed"]}).
Training used {training["n_training_examples"]} examples after patient-style augmentation.</p>
<img src="{figures["distribution"].name}" alt="class distribution">
<h2>What the model pays attention to</h2><img src="{figures["keywords"].name}" alt="top keywords per condition">
<h2>Settings tried</h2>{_table(candidate_rows, ["settings", "CV accuracy", "dev accuracy"])}
<p>Chosen: {html.escape(json.dumps(training["chosen"]))}</p>
<p>Model file sha256 {manifest["model_sha256"]}; scikit-learn {manifest["versions"]["scikit-learn"]},
Python {manifest["versions"]["python"]}.</p>
</body></html>"""
    path = run_dir / "report.html"
    path.write_text(body, encoding="utf-8")
    (run_dir / CARD_FILE).write_text(model_card(manifest, training), encoding="utf-8")
    return path


def model_card(manifest: dict, training: dict) -> str:
    metrics = manifest["metrics"]
    lines = [
        f"# Model card: triage router {manifest['run_id']}",
        "",
        "## Intended use",
        "Routes an ER waiting-room patient's own short description of their complaint to a specialty queue.",
        "It does **not** diagnose and does not replace triage: a nurse always sees the patient. Emergencies are",
        "caught before this model by the red-flag screen; low-confidence complaints go to the triage nurse",
        f"(confidence below {manifest['threshold']['value']:.2f}).",
        "",
        "## Model",
        "scikit-learn Pipeline: lay-term normalisation (English symptom lexicon) → TF-IDF (word"
        f"{' + character' if training['chosen'].get('char_ngrams') else ''} n-grams) → Multinomial Naive Bayes.",
        f"Hyperparameters: `{json.dumps(training['chosen'])}`.",
        "",
        "## Data",
        f"Symptom2Disease (Kaggle, niyarrbarman), sha256 `{manifest['data']['sha256']}`: "
        f"{manifest['data']['counts']['rows_out']} texts after de-duplication, 24 conditions, "
        f"{manifest['data']['split']['test']} held out for testing. Synthetic English paragraphs with some label noise;",
        "augmented with sentence-level and lexicon-based short examples derived from the training split only.",
        *_patient_examples_lines(training.get("patient_examples")),
        "",
        "## Labels",
        ", ".join(manifest["labels"]),
        "",
        "## Metrics",
        "| set | n | accuracy | macro F1 | right specialty |",
        "|---|---|---|---|---|",
    ]
    for name, m in metrics.items():
        if not isinstance(m, dict) or "macro_f1" not in m:
            continue
        lines.append(
            f"| {name} | {m['n']} | {m['accuracy']:.3f} | {m['macro_f1']:.3f} | {m['specialty_accuracy']:.3f} |"
        )
    lines += [
        "",
        "Patient-style accuracy, all languages (macro mean): dev "
        f"{metrics.get('dev_patient_macro', 'n/a')}, held-out {metrics.get('holdout_patient_macro', 'n/a')}.",
        *(
            [
                f"The dev complaints are training data: scored by models that did not train on each language's "
                f"complaints, dev is {metrics['dev_patient_macro_out_of_fold']} (the abstention threshold is "
                "chosen from these out-of-fold answers). The held-out sets never join training."
            ]
            if metrics.get("dev_patient_macro_out_of_fold") is not None
            else []
        ),
        "",
        "## Limitations",
        "- Trained on synthetic, fluent English; real complaints are shorter and messier. Patient-style dev and",
        "  held-out sets are small and written by the project team, not collected from patients.",
        "- Knows only 24 conditions; anything else is routed to the closest one or, if unsure, to the nurse.",
        "- Non-English text reaches the model through offline translation packs or the symptom lexicon; accuracy",
        "  per language is in the training report and the benchmark.",
        "",
        "## Languages",
        "en natively; es, zh, vi, ar, tl, ru, ko, fr, ht, pt through translation or the symptom lexicon.",
        "",
    ]
    return "\n".join(lines)


def _patient_examples_lines(summary: dict | None) -> list[str]:
    if not summary:
        return []
    counts = ", ".join(f"{code} {n}" for code, n in summary["by_language"].items())
    return [
        f"Also trained on {summary['n']} patient-style dev complaints as the kiosk reads them (lexicon or Argos",
        f"English): {counts}.",
    ]
