"""The triage result: what the UI shows, the queue records and the CLI prints."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# Why the engine handed the patient to the triage nurse instead of a specialty.
REASON_EMPTY = "empty"
REASON_NO_WORDS = "no_words"  # emoji, digits or symbols only
REASON_UNSUPPORTED = "unsupported_language"
REASON_NOT_UNDERSTOOD = "not_understood"  # nothing in the text is known to the model or lexicon
REASON_LOW_CONFIDENCE = "low_confidence"
REASON_ERROR = "internal_error"


@dataclass(frozen=True)
class Candidate:
    disease: str
    name: str
    probability: float


@dataclass
class TriageResult:
    language: str | None
    detected_language: str | None
    detected_confidence: float
    english_text: str
    translation_backend: str  # "none" (English), "argos", "lexicon"
    red_flag: str | None
    red_flag_message: str | None
    disease: str | None
    disease_name: str | None
    top3: list[Candidate]
    specialty: str
    specialty_name: str
    ticket_prefix: str
    confidence: float
    abstained: bool
    reason: str | None
    concepts: list[str]
    known_words: int
    unknown_share: float
    truncated: bool
    elapsed_ms: float
    timings_ms: dict[str, float] = field(default_factory=dict)
    model_run_id: str = ""

    @property
    def outcome(self) -> str:
        """ "emergency", "nurse" or "specialty": which screen the patient sees."""
        if self.red_flag:
            return "emergency"
        return "nurse" if self.abstained else "specialty"

    def to_json(self) -> dict:
        data = asdict(self)
        data["top3"] = [{"disease": c.disease, "name": c.name, "probability": c.probability} for c in self.top3]
        data["outcome"] = self.outcome
        return data
