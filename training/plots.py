"""Headless matplotlib figures for the run report. Each function writes one PNG and returns its path."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

_CONCEPT_TOKEN = re.compile(r"\bcid_(\w+)")


def confusion_matrix_plot(matrix: np.ndarray, classes: list[str], path: Path, title: str) -> Path:
    fig, ax = plt.subplots(figsize=(10, 9))
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(classes)), classes, rotation=90, fontsize=8)
    ax.set_yticks(range(len(classes)), classes, fontsize=8)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title(title)
    peak = matrix.max() or 1
    for i, j in zip(*np.nonzero(matrix), strict=True):
        ax.text(
            j,
            i,
            str(matrix[i, j]),
            ha="center",
            va="center",
            fontsize=7,
            color="white" if matrix[i, j] > peak / 2 else "black",
        )
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def class_distribution_plot(train_labels: list[str], test_labels: list[str], path: Path) -> Path:
    classes = sorted(set(train_labels) | set(test_labels))
    train, test = Counter(train_labels), Counter(test_labels)
    fig, ax = plt.subplots(figsize=(10, 5))
    x = np.arange(len(classes))
    ax.bar(x - 0.2, [train[c] for c in classes], width=0.4, label="train")
    ax.bar(x + 0.2, [test[c] for c in classes], width=0.4, label="test")
    ax.set_xticks(x, classes, rotation=90, fontsize=8)
    ax.set_ylabel("examples")
    ax.set_title("Class distribution after cleaning")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def top_keywords_plot(keywords: dict[str, list[tuple[str, float]]], path: Path) -> Path:
    """One table-like chart: a row per condition, its strongest words left to right, shaded by lift.

    One axes with text cells, not 24 small bar charts: the same information, read the same way by a
    nurse manager, drawn in a fraction of the time (the bar-chart grid was the slowest part of a report).
    """
    classes = sorted(keywords)
    width = max((len(keywords[c]) for c in classes), default=0)
    lift = np.full((len(classes), width), np.nan)
    for row, cls in enumerate(classes):
        for col, (_, score) in enumerate(keywords[cls]):
            lift[row, col] = score
    fig, ax = plt.subplots(figsize=(16, 0.42 * len(classes) + 1.2))
    low, high = (np.nanmin(lift), np.nanmax(lift)) if np.isfinite(lift).any() else (0.0, 1.0)
    ax.imshow(np.ma.masked_invalid(lift), cmap="Blues", aspect="auto", vmin=low - 0.5 * (high - low), vmax=high)
    for row, cls in enumerate(classes):
        for col, (word, score) in enumerate(keywords[cls]):
            label = _CONCEPT_TOKEN.sub(lambda m: f"[{m.group(1).replace('_', ' ')}]", word)
            color = "white" if score > low + 0.75 * (high - low) else "black"
            ax.text(col, row, label, ha="center", va="center", fontsize=7.5, color=color)
    ax.set_yticks(range(len(classes)), classes, fontsize=8)
    ax.set_xticks(range(width), [f"#{i + 1}" for i in range(width)], fontsize=8)
    ax.set_title(
        "Top keywords per condition (darker = more typical of it than of the average condition;"
        " [brackets] = a symptom the lexicon recognised, however it was worded)"
    )
    fig.subplots_adjust(left=0.13, right=0.99, bottom=0.04, top=0.94)
    fig.savefig(path, dpi=90)
    plt.close(fig)
    return path


def coverage_plot(curves: dict[str, list[dict]], threshold: float, path: Path) -> Path:
    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    for name, curve in curves.items():
        points = [(p["coverage"], p["accuracy"]) for p in curve if p["accuracy"] is not None]
        ax.plot([c for c, _ in points], [a for _, a in points], marker=".", label=name)
        chosen = min(curve, key=lambda p: abs(p["threshold"] - threshold))
        if chosen["accuracy"] is not None:
            ax.scatter([chosen["coverage"]], [chosen["accuracy"]], s=80, zorder=5, edgecolor="black")
    ax.set_xlabel("share of patients given a specialty ticket (coverage)")
    ax.set_ylabel("share of those tickets to the right queue")
    ax.set_title(f"Coverage vs accuracy; circles: chosen threshold {threshold:.2f}")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path
