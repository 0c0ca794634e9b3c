"""Staff side of the triage kiosk: `python -m training` builds, evaluates and ships the model."""
