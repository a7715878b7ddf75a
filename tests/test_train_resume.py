"""Checkpoint rules and exact resuming: core decides when to save, and a resumed run is the same run."""

import json

import numpy as np
import pytest
import torch
from safetensors.torch import save_file

from ganexplorer.core.data import ImageDataset
from ganexplorer.core.formats.native import META_KEY, load_native_state
from ganexplorer.core.train.events import CheckpointEvent, StepEvent, StoppedEvent
from ganexplorer.core.train.config import TrainConfig
from ganexplorer.core.train.factory import make_trainer


def tiny_digits(n: int = 48, size: int = 32, channels: int = 1) -> ImageDataset:
    """Random uint8 pictures with labels: enough for a few steps of any small preset."""
    rng = np.random.RandomState(3)
    images = torch.from_numpy(rng.randint(0, 256, (n, channels, size, size)).astype(np.uint8))
    labels = torch.from_numpy(rng.randint(0, 10, n).astype(np.int64))
    return ImageDataset("test:tiny", images, labels, tuple(str(d) for d in range(10)))


CASES = {
    "dcgan32-quick": dict(batch_size=8),
    "mlp-gan": dict(batch_size=8),                          # dropout: randomness inside the modules
    "stylegan2-16-test": dict(batch_size=4, r1_interval=2,  # noise inputs, mixing, augmentation, lazy R1
                              augment="translation,cutout", pl_weight=1.0, pl_interval=2),
}


pytestmark = pytest.mark.usefixtures("one_torch_thread")   # tiny models (tests/conftest.py)


@pytest.fixture(autouse=True)
def tiny_stylegan2_preset(monkeypatch):
    """stylegan2-32 is a few seconds a step on a busy CPU; this one has every StyleGAN2 part at 16 px."""
    from ganexplorer.core.models.registry import PRESETS, Preset

    g = dict(z_dim=32, w_dim=32, img_resolution=16, img_channels=1, mapping_kwargs=dict(num_layers=2),
             synthesis_kwargs=dict(channel_base=256, channel_max=32))
    d = dict(img_resolution=16, img_channels=1, channel_base=256, channel_max=32)
    monkeypatch.setitem(PRESETS, "stylegan2-16-test", Preset("stylegan2", g, d, "test"))


def config(model: str, **kw) -> TrainConfig:
    """On the CPU even where a GPU is (device auto would take it): bit-exact resume is the CPU's promise."""
    return TrainConfig.for_model(model, sample_every=0, log_every=0, watch_classes=False, grid_size=2,
                                 device="cpu", **{**CASES[model], **kw})


def tensors(tr) -> dict[str, torch.Tensor]:
    out = {f"G.{k}": v for k, v in tr.G.state_dict().items()} | {f"D.{k}": v for k, v in tr.D.state_dict().items()}
    if hasattr(tr, "G_ema"):
        out |= {f"G_ema.{k}": v for k, v in tr.G_ema.state_dict().items()}
    return out


def disturb_global_rng() -> None:
    """What another part of the program may do between two runs: seed and draw from torch's global RNG."""
    torch.manual_seed(12345)
    torch.randn(1000)


@pytest.mark.parametrize("model", list(CASES))
def test_two_n_steps_equal_n_steps_then_resume_n(model, tmp_path):
    n = 3
    data = tiny_digits()
    whole = make_trainer(config(model), data, out_dir=tmp_path / "whole")
    list(whole.run(max_steps=2 * n))

    first = make_trainer(config(model), data, out_dir=tmp_path / "halves")
    list(first.run(max_steps=n))
    disturb_global_rng()
    second = make_trainer(config(model), data, out_dir=tmp_path / "halves", resume=True)
    assert second.step == n
    disturb_global_rng()
    list(second.run(max_steps=2 * n))

    a, b = tensors(whole), tensors(second)
    assert a.keys() == b.keys()
    different = [k for k in a if not torch.equal(a[k], b[k])]
    assert not different, different[:5]
    for opt in ("opt_g", "opt_d"):
        sa, sb = getattr(whole, opt).state_dict()["state"], getattr(second, opt).state_dict()["state"]
        assert all(torch.equal(sa[i][k], sb[i][k]) for i in sa for k in sa[i] if isinstance(sa[i][k], torch.Tensor))


@pytest.mark.parametrize("model", list(CASES))
def test_a_trainer_neither_reads_nor_moves_the_global_rng(model):
    """Nothing in building, training, single steps or sampling draws from torch's global RNG (another thread's
    too): its state is the same in the middle of every step and after them. (Before, the trainer swapped its
    own stream in for each step, so this held only outside the steps.)"""
    torch.manual_seed(99)
    before = torch.get_rng_state()
    tr = make_trainer(config(model), tiny_digits())
    untouched = []
    hook = tr.D.register_forward_pre_hook(lambda m, a: untouched.append(torch.equal(before, torch.get_rng_state())))
    list(tr.run(max_steps=2))
    list(tr.single_step("d"))
    list(tr.single_step("g"))
    hook.remove()
    assert untouched and all(untouched)
    assert torch.equal(before, torch.get_rng_state())


@pytest.mark.parametrize("model", ["mlp-gan", "stylegan2-16-test"])
def test_the_first_weights_are_those_of_torch_manual_seed(model):
    """The trainer's generator is seeded as ``torch.manual_seed(seed)`` seeds the global one: a run starts from
    the weights that building under it gives (the weights runs started from before the explicit generators)."""
    from ganexplorer.core.models.registry import PRESETS, build_discriminator, build_generator
    from ganexplorer.core.train.init_weights import dcgan_init

    tr = make_trainer(config(model, seed=7), tiny_digits())
    preset = PRESETS[model]
    torch.manual_seed(7)
    G, D = build_generator(preset.family, dict(preset.g_kwargs)), build_discriminator(preset.family, dict(preset.d_kwargs))
    if preset.family != "stylegan2":
        G.apply(dcgan_init)
        D.apply(dcgan_init)
    for built, trained in ((G, tr.G), (D, tr.D)):
        a, b = built.state_dict(), trained.state_dict()
        assert a.keys() == b.keys() and [k for k in a if not torch.equal(a[k], b[k])] == []


def test_a_checkpoint_without_rng_state_still_resumes(tmp_path):
    """Checkpoints written before the RNG state was saved go on, with a fresh stream."""
    tr = make_trainer(config("dcgan32-quick"), tiny_digits(), out_dir=tmp_path)
    list(tr.run(max_steps=2))
    path = tmp_path / "last.safetensors"
    header, stored = load_native_state(path)
    assert "train.rng" in stored
    del stored["train.rng"]
    save_file(stored, str(path), metadata={META_KEY: json.dumps(header)})
    back = make_trainer(config("dcgan32-quick"), tiny_digits(), out_dir=tmp_path, resume=True)
    assert back.step == 2
    events = list(back.run(max_steps=4))
    assert events[-1] == StoppedEvent(4, "finished")
    assert load_native_state(path)[0]["metadata"]["training"]["step"] == 4


def count_saves(monkeypatch) -> list[int]:
    """The step of every checkpoint the trainer writes."""
    from ganexplorer.core.train import checkpoint

    steps = []
    real = checkpoint.save_native

    def spy(path, family, G, D=None, G_ema=None, metadata=None, extra_tensors=None):
        steps.append(metadata["training"]["step"])
        return real(path, family, G, D, G_ema=G_ema, metadata=metadata, extra_tensors=extra_tensors)
    monkeypatch.setattr(checkpoint, "save_native", spy)
    return steps


def test_a_finish_writes_the_last_step_once(tmp_path, monkeypatch):
    saves = count_saves(monkeypatch)
    tr = make_trainer(config("mlp-gan", checkpoint_every=2, checkpoint_minutes=0), tiny_digits(), out_dir=tmp_path)
    events = list(tr.run(max_steps=4))
    assert saves == [2, 4]
    assert [e.step for e in events if isinstance(e, CheckpointEvent)] == [2, 4]


def test_stopping_saves_what_was_trained_and_a_nan_stop_saves_nothing(tmp_path, monkeypatch):
    saves = count_saves(monkeypatch)
    tr = make_trainer(config("mlp-gan", checkpoint_every=2, checkpoint_minutes=0), tiny_digits(), out_dir=tmp_path)
    run = tr.run(max_steps=100)
    for ev in run:
        if isinstance(ev, StepEvent) and ev.step == 3:
            break
    run.close()   # what Stop does
    assert saves == [2, 3] and tr.last_checkpoint == (3, tmp_path / "last.safetensors")
    good = (tmp_path / "last.safetensors").read_bytes()
    with torch.no_grad():
        next(tr.G.parameters()).fill_(float("nan"))
    run = tr.run(max_steps=100)
    stopped = [e for e in run if isinstance(e, StoppedEvent)]
    assert stopped[-1].reason == "nan"
    run.close()
    assert saves == [2, 3] and (tmp_path / "last.safetensors").read_bytes() == good


def test_checkpoints_every_m_minutes_when_the_step_interval_is_far(tmp_path):
    tr = make_trainer(config("mlp-gan", checkpoint_every=100_000, checkpoint_minutes=0.5 / 60_000),  # 0.5 ms
                      tiny_digits(), out_dir=tmp_path)
    run = tr.run(max_steps=100)
    for ev in run:
        if isinstance(ev, CheckpointEvent):
            break
    run.close()
    assert ev.step < 100 and (tmp_path / "last.safetensors").exists()
    # Steps only (0 = no time rule): nothing before the end.
    only_steps = make_trainer(config("mlp-gan", checkpoint_every=100_000, checkpoint_minutes=0), tiny_digits(),
                              out_dir=tmp_path / "b")
    events = list(only_steps.run(max_steps=5))
    assert [e.step for e in events if isinstance(e, CheckpointEvent)] == [5]
    with pytest.raises(ValueError, match="checkpoint"):
        make_trainer(config("mlp-gan", checkpoint_minutes=-1), tiny_digits())


@pytest.mark.slow
def test_the_command_line_resumes_bit_exactly(tmp_path):
    """``train --steps 4`` and ``train --steps 2`` then ``--resume --steps 4`` write the same weights."""
    from ganexplorer.cli import main
    from ganexplorer.core.formats.native import load_native_state

    common = ["train", "--model", "mlp-gan", "--batch", "8", "--sample-every", "0", "--device", "cpu", "-q"]
    assert main(common + ["--steps", "4", "--out", str(tmp_path / "whole")]) == 0
    assert main(common + ["--steps", "2", "--out", str(tmp_path / "halves")]) == 0
    disturb_global_rng()
    assert main(common + ["--steps", "4", "--out", str(tmp_path / "halves"), "--resume"]) == 0
    _, a = load_native_state(tmp_path / "whole" / "last.safetensors")
    _, b = load_native_state(tmp_path / "halves" / "last.safetensors")
    assert a.keys() == b.keys()
    assert [k for k in a if not torch.equal(a[k], b[k])] == []


def test_fp16_loss_scales_are_saved_and_resumed(tmp_path):
    """fp16's GradScaler state is part of the training state: a resumed run goes on at the scale it had
    (it restarted at 2^16 and skipped steps until the scale settled again)."""
    tr = make_trainer(config("dcgan32-quick", precision="fp16"), tiny_digits(), out_dir=tmp_path)
    list(tr.run(max_steps=2))
    for opt, scale in ((tr.opt_g, 512.0), (tr.opt_d, 2048.0)):   # as if some steps had overflowed
        tr.precision._scaler(opt).update(scale)
    tr.save_checkpoint()
    again = make_trainer(config("dcgan32-quick", precision="fp16"), tiny_digits(), out_dir=tmp_path, resume=True)
    assert again.precision._scaler(again.opt_g).get_scale() == 512.0
    assert again.precision._scaler(again.opt_d).get_scale() == 2048.0
    assert again.step == 2


def test_resuming_with_another_model_of_the_same_family_is_one_sentence(tmp_path, capsys):
    """A dcgan32-quick run resumed as dcgan64 (both DCGANs): exit 2 and a sentence, not a bug report (exit 1)."""
    from ganexplorer.cli import main

    common = ["--batch", "8", "--sample-every", "0", "--device", "cpu", "-q", "--out", str(tmp_path / "run")]
    assert main(["train", "--model", "dcgan32-quick", "--steps", "1", *common]) == 0
    capsys.readouterr()
    assert main(["train", "--model", "dcgan64", "--steps", "2", "--resume", *common]) == 2
    err = capsys.readouterr().err.strip()
    assert err.endswith("holds a dcgan32-quick model, not dcgan64") and "\n" not in err


def test_a_model_loaded_during_a_step_on_another_thread_leaves_the_resume_bit_exact(tmp_path):
    """Issue 22 item 5. Train, save, then go on while another thread opens model checkpoints in the middle of
    every step (as the Explore tab may while the Train tab runs) and draws from torch's global RNG: the weights
    must be those of a run resumed from the saved file with nobody else drawing. Before, the trainer swapped its
    stream into torch's global RNG for each step, so the digit classifier's constructor (and any other thread's
    draw) took numbers from the trainer's dropout stream."""
    import threading

    from ganexplorer.core.formats.load import load_checkpoint
    from ganexplorer.core.metrics.digit_classifier import load_classifier

    model = "mlp-gan"   # dropout in G and D: randomness inside the modules
    data = tiny_digits()
    disturbed = make_trainer(config(model), data, out_dir=tmp_path / "run")
    list(disturbed.run(max_steps=2))
    saved = tmp_path / "saved.safetensors"
    saved.write_bytes((tmp_path / "run" / "last.safetensors").read_bytes())

    go, done, stop = threading.Event(), threading.Event(), threading.Event()

    def loader() -> None:   # opens models only while the training thread is inside a step
        while go.wait(30) and not stop.is_set():
            go.clear()
            load_classifier()
            load_checkpoint("checkpoints/dcgan-digits.safetensors")
            torch.randn(100)   # any other code on any other thread
            done.set()

    def in_the_middle_of_a_step(module, args) -> None:
        done.clear()
        go.set()
        assert done.wait(30)

    thread = threading.Thread(target=loader, daemon=True)
    thread.start()
    hook = disturbed.D.register_forward_pre_hook(in_the_middle_of_a_step)
    try:
        list(disturbed.run(max_steps=4))
    finally:
        hook.remove()
        stop.set()
        go.set()
        thread.join(30)

    undisturbed = make_trainer(config(model), data, resume_from=saved)
    list(undisturbed.run(max_steps=4))
    a, b = tensors(disturbed), tensors(undisturbed)
    assert a.keys() == b.keys()
    assert [k for k in a if not torch.equal(a[k], b[k])] == []


def test_loading_checkpoints_draws_no_random_numbers(tmp_path):
    """Every way a checkpoint becomes a module builds it without drawing from torch's global RNG."""
    from ganexplorer.core.formats.load import load_checkpoint
    from ganexplorer.core.metrics.digit_classifier import load_classifier

    other = make_trainer(config("dcgan32-quick"), tiny_digits(), out_dir=tmp_path / "other")
    other.save_checkpoint()
    for path in ("checkpoints/dcgan-digits.safetensors", "checkpoints/stylegan2-digits.safetensors",
                 tmp_path / "other" / "last.safetensors"):
        torch.manual_seed(0)
        before = torch.get_rng_state()
        load_checkpoint(path)
        assert torch.equal(before, torch.get_rng_state()), path
    before = torch.get_rng_state()
    load_classifier()
    assert torch.equal(before, torch.get_rng_state()), "digit classifier"
