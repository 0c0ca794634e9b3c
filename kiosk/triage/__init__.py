"""The triage engine: pure Python, no Qt, so the UI, staff tools, tests and benchmarks share it."""
