"""A training session prepares on the consumer's thread, step by step, and keeps the data as uint8."""

import numpy as np
import pytest
import torch

from ganexplorer.core.data import DatasetError, ImageDataset, open_dataset
from ganexplorer.core.formats import load_checkpoint
from ganexplorer.core.train.events import ReadyEvent, SetupEvent, StepEvent, StoppedEvent
from ganexplorer.core.train.config import TrainConfig
from ganexplorer.core.train.session import training_session
from ganexplorer.core.train.factory import make_trainer


pytestmark = pytest.mark.usefixtures("one_torch_thread")   # tiny models (tests/conftest.py)


def write_idx(path, arr: np.ndarray) -> None:
    import struct

    header = struct.pack(">BBBB", 0, 0, 0x08, arr.ndim) + struct.pack(">" + "I" * arr.ndim, *arr.shape)
    path.write_bytes(header + arr.astype(np.uint8).tobytes())


def small(**kw) -> TrainConfig:
    return TrainConfig.for_model("mlp-gan", **{"batch_size": 8, "sample_every": 0, "log_every": 0, "grid_size": 3,
                                               "watch_classes": False, **kw})


def test_the_session_prepares_in_steps_then_trains(tmp_path):
    images = np.random.RandomState(0).randint(0, 256, (40, 28, 28))
    write_idx(tmp_path / "train-images-idx3-ubyte", images)
    cfg = small(data=f"mnist:{tmp_path / 'train-images-idx3-ubyte'}")
    session = training_session(cfg, out_root=tmp_path / "runs", max_steps=2)
    first = next(session)
    assert isinstance(first, SetupEvent) and first.stage == "dataset" and "train-images" in first.detail
    assert not (tmp_path / "runs").exists()   # nothing opened or made yet: the consumer decides when
    events = [first, *session]
    setup = [e for e in events if isinstance(e, SetupEvent)]
    assert [e.stage for e in setup] == ["dataset", "model"]
    ready = next(e for e in events if isinstance(e, ReadyEvent))
    assert events.index(ready) == 2 and ready.step == 0 and not ready.resumed and ready.history == ()
    assert ready.run_dir.parent == tmp_path / "runs" and ready.run_dir.name.startswith("mlp-gan-")
    # The real grid: the first 3 x 3 training pictures, as uint8, exactly as read.
    assert ready.real_grid.dtype == np.uint8 and ready.real_grid.shape == (3 * 28 + 2 * 2, 3 * 28 + 2 * 2, 3)
    np.testing.assert_array_equal(ready.real_grid[:28, :28, 0], images[0])
    assert [e.step for e in events if isinstance(e, StepEvent)] == [1, 2]
    assert events[-1] == StoppedEvent(2, "finished")
    assert load_checkpoint(ready.run_dir / "last.safetensors").metadata["training"]["step"] == 2


def test_a_resumed_session_carries_its_past(tmp_path):
    run = tmp_path / "run"
    list(training_session(small(), run_dir=run, max_steps=3))
    events = list(training_session(small(), run_dir=run, resume_from=run / "last.safetensors", max_steps=4))
    ready = next(e for e in events if isinstance(e, ReadyEvent))
    assert ready.resumed and ready.step == 3 and [h.step for h in ready.history] == [1, 2, 3]
    assert [e.step for e in events if isinstance(e, StepEvent)] == [4]


@pytest.mark.parametrize("problem", ["missing", "broken", "foreign", "settings"])
def test_setup_failures_end_the_session_with_one_sentence_and_no_folder(tmp_path, problem):
    cfg, resume = small(), None
    if problem == "missing":
        cfg = small(data=f"mnist:{tmp_path / 'nothing-here.gz'}")
    elif problem == "broken":
        (tmp_path / "junk-idx3-ubyte").write_bytes(b"\x1f\x8bnot really gzip")
        cfg = small(data=f"mnist:{tmp_path / 'junk-idx3-ubyte'}")
    elif problem == "foreign":   # a DCGAN run offered to an MLP GAN
        other = make_trainer(TrainConfig.for_model("dcgan32-quick", batch_size=8, watch_classes=False),
                             open_dataset("builtin:digits", limit=16), out_dir=tmp_path / "dcgan")
        resume = other.save_checkpoint()
    else:
        cfg = small(batch_size=1)
    events = list(training_session(cfg, out_root=tmp_path / "runs", resume_from=resume, max_steps=2))
    stopped = events[-1]
    assert isinstance(stopped, StoppedEvent) and stopped.reason == "error"
    assert not any(isinstance(e, (ReadyEvent, StepEvent)) for e in events)
    expected = {"missing": "does not exist", "broken": "could not be read", "foreign": "holds a dcgan32-quick model, not mlp-gan",
                "settings": "--batch must be in [2, 1024], not 1"}[problem]
    assert expected in stopped.message and "\n" not in stopped.message
    assert not (tmp_path / "runs").exists()


def test_training_keeps_the_uint8_images_and_converts_each_batch_as_the_whole_set_would_be():
    from ganexplorer.core.data.batches import TrainingImages

    grey = open_dataset("builtin:digits", limit=64)                      # 1 x 32 x 32
    rgb = ImageDataset("rgb", torch.from_numpy(np.random.RandomState(1).randint(0, 256, (64, 3, 40, 40))
                                               .astype(np.uint8)))
    idx = torch.tensor([5, 0, 63, 17])
    for ds, res, ch in ((grey, 28, 1), (grey, 64, 3), (rgb, 32, 1), (rgb, 40, 3)):
        batches = TrainingImages(ds, res, ch)
        assert batches.images.data_ptr() == ds.images.data_ptr()   # shared, not copied or widened to float
        assert len(batches) == 64
        assert torch.equal(batches[idx], ds.prepared(res, ch)[idx])
    tr = make_trainer(small(), grey)
    assert tr.data.images.dtype == torch.uint8 and tr.data.images.data_ptr() == grey.images.data_ptr()
    x, _ = tr._batch(0)
    assert x.dtype == torch.float32 and x.shape == (8, 1, 28, 28)
    real = grey.prepared(28, 1)   # every row of the batch is one of the dataset's images, converted as prepared()
    assert all(any(torch.equal(row, r) for r in real) for row in x)
    two = ImageDataset("two", torch.zeros(4, 2, 8, 8, dtype=torch.uint8))
    with pytest.raises(DatasetError, match="2-channel"):
        TrainingImages(two, 8, 3)
