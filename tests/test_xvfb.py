"""The kiosk in a real X window with real input events (xdotool), where Xvfb is available."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.xvfb
@pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool")), reason="needs Xvfb and xdotool")
def test_a_person_gets_a_ticket_in_a_real_window():
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "xvfb_demo.py")], capture_output=True, text=True, cwd=ROOT, timeout=180
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "U-001" in done.stdout
