"""Headless matplotlib figures for the run report. Each function writes one PNG and returns its path."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np


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
    """Grid of small bar charts: the words that most raise each class's likelihood."""
    classes = sorted(keywords)
    cols = 4
    rows = int(np.ceil(len(classes) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(16, 2.6 * rows))
    for ax, cls in zip(np.ravel(axes), classes, strict=False):
        words = keywords[cls][::-1]
        ax.barh([w for w, _ in words], [s for _, s in words], color="#2a6f97")
        ax.set_title(cls, fontsize=9)
        ax.tick_params(labelsize=7)
    for ax in np.ravel(axes)[len(classes) :]:
        ax.axis("off")
    fig.suptitle("Top keywords per condition (log-probability lift over the average class)")
    # Fixed margins: tight_layout over 24 small charts costs a second and a half per report.
    fig.subplots_adjust(left=0.11, right=0.99, bottom=0.03, top=0.95, wspace=1.0, hspace=0.45)
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
