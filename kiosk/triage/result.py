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
# Why a result is an emergency although the text screen found none: the patient named a danger sign.
REASON_PATIENT_ANSWER = "patient_answer"


@dataclass(frozen=True)
class Candidate:
    disease: str
    name: str
    probability: float


@dataclass
class TriageResult:
    """Everything one triage decided. Fields a stage never reached keep their defaults."""

    specialty: str  # queue id: a specialty, "urgent" (red flag) or "nurse" (abstained)
    specialty_name: str
    ticket_prefix: str
    language: str | None = None
    detected_language: str | None = None
    detected_confidence: float = 0.0
    english_text: str = ""
    translation_backend: str = "none"  # "none" (English), "argos", "lexicon"
    red_flag: str | None = None
    red_flag_message: str | None = None
    disease: str | None = None
    disease_name: str | None = None
    top3: list[Candidate] = field(default_factory=list)
    confidence: float = 0.0
    abstained: bool = False
    reason: str | None = None
    concepts: list[str] = field(default_factory=list)
    spelling_corrections: list[str] = field(default_factory=list)  # misspelled words read as red-flag words
    known_words: int = 0
    unknown_share: float = 1.0
    truncated: bool = False
    elapsed_ms: float = 0.0
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

    @classmethod
    def from_json(cls, data: dict) -> TriageResult:
        """The inverse of ``to_json`` (its derived ``outcome`` is dropped)."""
        fields = {k: v for k, v in data.items() if k != "outcome"}
        fields["top3"] = [Candidate(**c) for c in data.get("top3", [])]
        return cls(**fields)
