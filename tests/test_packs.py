"""Argos packs: a real (tiny) package is built, installed, loaded and run — no mocks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kiosk.errors import PackError
from kiosk.triage.argos import PackTranslator, discover, read_pack
from training import packs
from training.synthetic_pack import build_pack

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def es_pack(tmp_path_factory) -> Path:
    return build_pack(tmp_path_factory.mktemp("packs") / "translate-es_en-1_0.argosmodel", "es")


def test_add_load_translate(es_pack, tmp_path):
    installed = packs.add(es_pack, tmp_path, offered={"en", "es"})
    assert installed.info.from_code == "es"
    found, problems = discover(tmp_path)
    assert set(found) == {"es"} and not problems
    output = PackTranslator(found["es"]).translate("Tengo fiebre. Me duele la cabeza.")
    assert output.split()[0] == "fever"  # the pack favours this word: its output really came through
    register = json.loads((tmp_path / "packs.json").read_text())
    assert register["es_en"]["archive_sha256"] == installed.archive_sha256
    assert packs.verify(tmp_path) == []


def test_verify_detects_damage_and_remove_cleans_up(es_pack, tmp_path):
    packs.add(es_pack, tmp_path)
    model = tmp_path / "es_en" / "model" / "model.bin"
    model.write_bytes(model.read_bytes()[:-10] + b"0123456789")
    assert any("differ" in p for p in packs.verify(tmp_path))
    assert packs.remove("es", tmp_path) == "es_en"
    assert not (tmp_path / "es_en").exists()
    assert packs.installed(tmp_path) == []


def test_not_a_zip(tmp_path):
    bogus = tmp_path / "bogus.argosmodel"
    bogus.write_bytes(b"this is not a zip file at all")
    with pytest.raises(PackError, match="not an Argos pack"):
        packs.add(bogus, tmp_path / "argos")
    assert not (tmp_path / "argos").exists()


def test_truncated_zip_leaves_nothing(es_pack, tmp_path):
    broken = tmp_path / "broken.argosmodel"
    data = es_pack.read_bytes()
    broken.write_bytes(data[: len(data) // 2] + data[-200:])
    with pytest.raises(PackError):
        packs.add(broken, tmp_path / "argos")
    assert not list((tmp_path / "argos").iterdir())


def _rezip(src: Path, dst: Path, edit) -> Path:
    work = dst.parent / (dst.stem + "-work")
    with zipfile.ZipFile(src) as archive:
        archive.extractall(work)
    top = next(work.iterdir())
    edit(top)
    with zipfile.ZipFile(dst, "w") as archive:
        for path in sorted(top.rglob("*")):
            archive.write(path, path.relative_to(work).as_posix())
    shutil.rmtree(work)
    return dst


def _set_meta(**changes):
    def edit(top: Path) -> None:
        meta = json.loads((top / "metadata.json").read_text())
        meta.update(changes)
        (top / "metadata.json").write_text(json.dumps(meta))

    return edit


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (_set_meta(to_code="de"), "needs packs into English"),
        (_set_meta(from_code="xx"), "not a language this kiosk offers"),
        (lambda top: (top / "metadata.json").unlink(), "no metadata.json"),
        (lambda top: (top / "metadata.json").write_text("{not json"), "damaged"),
        (lambda top: (top / "sentencepiece.model").unlink(), "tokenizer"),
        (lambda top: (top / "model" / "model.bin").unlink(), "model/model.bin"),
        (lambda top: (top / "model" / "model.bin").write_bytes(b"garbage"), "could not translate"),
    ],
)
def test_bad_packs_are_refused_and_nothing_is_half_installed(es_pack, tmp_path, edit, message):
    bad = _rezip(es_pack, tmp_path / "bad.argosmodel", edit)
    target = tmp_path / "argos"
    with pytest.raises(PackError, match=message):
        packs.add(bad, target, offered={"en", "es"})
    assert [p.name for p in target.iterdir()] == []


def test_path_traversal_is_refused(tmp_path):
    evil = tmp_path / "evil.argosmodel"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("../outside.txt", "x")
    with pytest.raises(PackError, match="unsafe path"):
        packs.add(evil, tmp_path / "argos")
    assert not (tmp_path / "outside.txt").exists()


def test_runtime_does_not_import_argostranslate(es_pack, tmp_path):
    packs.add(es_pack, tmp_path)
    code = (
        "import sys; from pathlib import Path; from kiosk.triage.argos import discover, PackTranslator;"
        f"p, _ = discover(Path({str(tmp_path)!r})); print(PackTranslator(p['es']).translate('hola'));"
        "assert 'argostranslate' not in sys.modules and 'torch' not in sys.modules"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "fever" in done.stdout


def _can_unshare_net() -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "--net", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _can_unshare_net(), reason="this machine cannot create a network namespace")
def test_translation_works_with_no_network_at_all(es_pack, tmp_path):
    """Install and translate inside a network namespace with no interfaces but loopback (down)."""
    code = (
        "import sys; from pathlib import Path; from training import packs; from kiosk.triage.argos import discover,"
        f" PackTranslator; packs.add(Path({str(es_pack)!r}), Path({str(tmp_path)!r}));"
        f"p, _ = discover(Path({str(tmp_path)!r})); print(PackTranslator(p['es']).translate('tengo fiebre'))"
    )
    done = subprocess.run(
        ["unshare", "--net", sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "fever" in done.stdout


def test_read_pack_reports_bpe_packs_plainly(tmp_path):
    folder = tmp_path / "translate-xx"
    (folder / "model").mkdir(parents=True)
    (folder / "model" / "model.bin").write_bytes(b"x")
    (folder / "bpe.model").write_bytes(b"x")
    (folder / "metadata.json").write_text(json.dumps({"from_code": "xx", "to_code": "en"}))
    with pytest.raises(PackError, match="BPE"):
        read_pack(folder)


def test_kiosk_config_sets_beam_and_threads_of_installed_packs(es_pack, tmp_path):
    """translation_beam_size / translation_threads in kiosk.toml reach the pack that translates."""
    from kiosk.triage.argos import TranslationSettings
    from kiosk.triage.engine import Resources, TriageEngine

    packs.add(es_pack, tmp_path / "argos")
    resources = Resources.load(
        ROOT / "resources", argos_dir=tmp_path / "argos", translation=TranslationSettings(beam_size=1, threads=1)
    )
    translator = resources.translators["es"]
    assert (translator.beam_size, translator.threads) == (1, 1)
    result = TriageEngine(resources).triage("tengo fiebre y tos", "es")
    assert result.translation_backend == "argos" and result.english_text.split()[0] == "fever"


def test_complaints_are_cut_into_clauses_but_numbers_stay_whole():
    from kiosk.triage.argos import split_clauses

    assert split_clauses("Tengo fiebre de 38,5 desde ayer, me duele la cabeza. Y 38.5 hoy!") == [
        "Tengo fiebre de 38,5 desde ayer,",
        "me duele la cabeza.",
        "Y 38.5 hoy!",
    ]
    assert split_clauses("我发烧，头疼。还咳嗽") == ["我发烧，", "头疼。", "还咳嗽"]
    assert split_clauses("عندي حرارة، وصداع") == ["عندي حرارة،", "وصداع"]
    assert split_clauses("  ") == []
