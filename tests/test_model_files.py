"""The shipped model is only loaded when its manifest vouches for it."""

import json
import shutil

import pytest

from kiosk.errors import ModelError
from kiosk.triage.model import load_model, verify


@pytest.fixture
def model_copy(resources_dir, tmp_path):
    target = tmp_path / "model"
    shutil.copytree(resources_dir / "model", target)
    return target


def test_shipped_model_loads_and_matches_its_manifest(resources_dir):
    model = load_model(resources_dir / "model")
    assert len(model.labels) == 24
    assert model.run_id == json.loads((resources_dir / "model" / "manifest.json").read_text())["run_id"]


def test_tampered_model_is_refused(model_copy):
    path = model_copy / "model.joblib"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="does not match its manifest"):
        load_model(model_copy)


def test_missing_model_file_is_refused(model_copy):
    (model_copy / "model.joblib").unlink()
    with pytest.raises(ModelError, match="missing"):
        verify(model_copy)


def test_other_sklearn_version_is_refused(model_copy):
    manifest = json.loads((model_copy / "manifest.json").read_text())
    manifest["versions"]["scikit-learn"] = "0.24.2"
    (model_copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match=r"scikit-learn 0\.24\.2"):
        verify(model_copy)


def test_damaged_manifest_is_refused(model_copy):
    (model_copy / "manifest.json").write_text("{ not json")
    with pytest.raises(ModelError, match="damaged"):
        verify(model_copy)
