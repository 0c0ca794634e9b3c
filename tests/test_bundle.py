"""The PyInstaller bundle: build it, move it elsewhere, and run its self-test with no network,
a minimal environment and a real (test) translation pack. Slow (a real build): marked `slow`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from training import packs
from training.synthetic_pack import build_pack

ROOT = Path(__file__).resolve().parent.parent
NAME = "er-triage-kiosk"


def _unshare_ok() -> bool:
    return (
        bool(shutil.which("unshare"))
        and subprocess.run(["unshare", "--net", "true"], capture_output=True).returncode == 0
    )


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("build")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    moved = tmp_path_factory.mktemp("elsewhere") / NAME
    shutil.copytree(work / "dist" / NAME, moved, symlinks=True)
    shutil.rmtree(work)
    return moved


@pytest.mark.slow
def test_frozen_self_test_translates_and_classifies_offline(bundle, tmp_path):
    pack_dir = tmp_path / "argos"
    packs.add(build_pack(tmp_path / "es.argosmodel", "es"), pack_dir)
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "KIOSK_ARGOS_DIR": str(pack_dir),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    command = [str(bundle / NAME), "--self-test"]
    if _unshare_ok():
        command = ["unshare", "--net", *command]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report = json.loads(done.stdout[done.stdout.index("{") :])
    assert report["ok"] and report["ticket"] and report["specialty"]
    assert report["packs"]["es"]["translates"] is True
    assert report["model_run_id"]
    assert report["urgency_screen"]["scores"] is True and "en" in report["urgency_screen"]["languages"]
    assert report["wording_reader"]["reads"] is True and "en" in report["wording_reader"]["languages"]


@pytest.mark.slow
def test_frozen_version_and_size(bundle):
    done = subprocess.run(
        [str(bundle / NAME), "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "HOME": "/tmp"},
    )
    assert done.returncode == 0, done.stderr
    info = json.loads(done.stdout)
    assert info["version"] and info["model_run_id"]
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < 600 * 1024**2  # the 300 MB target is reported by the benchmark; this only catches a blow-up
    assert not any("pandas" in p.name or "matplotlib" in p.name for p in (bundle / "_internal").iterdir())
