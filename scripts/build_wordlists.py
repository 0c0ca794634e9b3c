"""Write resources/wordlists/<code>.txt.gz: each language's common words, which the red-flag screen's
spelling reader never corrects ("الجلسة", a sitting, is a real word, not a misspelled "الجلطة", a clot).

Staff run this only to refresh the lists; the kiosk reads the files and needs nothing installed.
Requires the optional extra: `.venv/bin/pip install -e '.[wordlists]'` (wordfreq), then
`.venv/bin/python scripts/build_wordlists.py`.
"""

from __future__ import annotations

import gzip
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.triage.languages import load_languages  # noqa: E402
from kiosk.triage.textnorm import fold  # noqa: E402

# wordfreq's name for a language, where it differs; languages it lacks (Haitian Creole) get no list,
# and Chinese is not spell-read at all (see resources/spelling.toml).
WORDFREQ_CODES = {"tl": "fil"}
SKIP = {"ht", "zh"}
# Zipf 2.5: at least about three uses in ten million words. Rarer forms are too often misspellings.
MIN_ZIPF = 2.5


def common_words(code: str) -> list[str]:
    from wordfreq import get_frequency_dict

    frequencies = get_frequency_dict(WORDFREQ_CODES.get(code, code), "best")
    words = {fold(word) for word, share in frequencies.items() if math.log10(share) + 9 >= MIN_ZIPF}
    return sorted(word for word in words if word and " " not in word)


def main() -> int:
    from importlib import metadata

    out = ROOT / "resources" / "wordlists"
    out.mkdir(exist_ok=True)
    version = metadata.version("wordfreq")
    for language in load_languages(ROOT / "resources" / "languages.toml").languages:
        if language.code in SKIP:
            continue
        words = common_words(language.code)
        text = f"# {language.english}: words at Zipf >= {MIN_ZIPF} in wordfreq {version}, folded\n"
        text += "\n".join(words) + "\n"
        # mtime=0: the same words give the same bytes, so an unchanged list is not a change in git.
        (out / f"{language.code}.txt.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
        print(f"{language.code}: {len(words)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
