"""Offline ER triage kiosk: patient-facing side.

`kiosk.triage` holds the pure-Python triage engine (no Qt); `kiosk.ui` the Qt Quick front end.
"""

__version__ = "0.1.0"
