"""Training loops: weights change, events arrive, checkpoints resume, SIGKILL leaves no corrupt file."""

import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest
import torch

from ganexplorer.core.data import open_dataset
from ganexplorer.core.formats import load_checkpoint
from ganexplorer.core.train.demo1d import Demo1D, Demo1DConfig, preprocess
from ganexplorer.core.train.config import TrainConfig
from ganexplorer.core.train.events import CheckpointEvent, LogEvent, SamplesEvent, StepEvent, StoppedEvent
from ganexplorer.core.train.gan_trainer import GANTrainer


@pytest.fixture(scope="module")
def digits():
    ds = open_dataset("builtin:digits", limit=256)
    return ds


@pytest.mark.parametrize("model", ["mlp-gan", "mlp-gan-bn", pytest.param("dcgan32", marks=pytest.mark.slow),
                                   pytest.param("dcgan32-cond", marks=pytest.mark.slow),
                                   pytest.param("dcgan64", marks=pytest.mark.slow)])
def test_a_few_steps_change_weights_and_emit_events(digits, model):
    tr = GANTrainer(TrainConfig(model=model, batch_size=16, conditional=model.endswith("cond"), log_every=2,
                                sample_every=2, grid_size=2), digits)
    g0 = [p.detach().clone() for p in tr.G.parameters()]
    d0 = [p.detach().clone() for p in tr.D.parameters()]
    events = list(tr.run(max_steps=3))
    kinds = {type(e) for e in events}
    assert {StepEvent, SamplesEvent, LogEvent, StoppedEvent} <= kinds
    steps = [e for e in events if isinstance(e, StepEvent)]
    assert [e.step for e in steps] == [1, 2, 3]
    assert tr.history == steps and all(np.isfinite([e.d_loss, e.g_loss, e.d_real, e.d_fake]).all() for e in steps)
    # BCE of D's probabilities: by Jensen at least -log D(x) - log(1 - D(G(z))) of the recorded batch means.
    assert all(e.d_loss >= -np.log(e.d_real) - np.log(1 - e.d_fake) - 1e-5 for e in steps)
    assert any(not torch.equal(a, b) for a, b in zip(g0, tr.G.parameters()))
    assert any(not torch.equal(a, b) for a, b in zip(d0, tr.D.parameters()))
    assert events[-1] == StoppedEvent(3, "finished")


@pytest.mark.parametrize("loss", ["minimax", "lsgan"])
def test_loss_choices_and_d_steps(digits, loss):
    tr = GANTrainer(TrainConfig(model="mlp-gan", batch_size=16, loss=loss, d_steps=2, sample_every=0), digits)
    updates = []
    tr.opt_d.register_step_post_hook(lambda *_: updates.append("D"))
    tr.opt_g.register_step_post_hook(lambda *_: updates.append("G"))
    steps = [e for e in tr.run(max_steps=2) if isinstance(e, StepEvent)]
    assert updates == ["D", "D", "G"] * 2 and [e.step for e in tr.history] == [1, 2] and tr.history == steps
    for e in steps:
        if loss == "minimax":   # G minimises E log(1 - D(G(z))): always negative
            assert -np.log(2) * 2 < e.g_loss < 0
        else:                   # least squares: 1/2 E (D(G(z)) - 1)^2 and 1/2 E (D(x) - 1)^2 + 1/2 E D(G(z))^2
            assert 0 < e.g_loss < 0.5 and 0 < e.d_loss < 1
            assert e.d_loss >= 0.5 * (e.d_real - 1) ** 2 + 0.5 * e.d_fake ** 2 - 1e-6   # Jensen again


def test_the_lecture_losses_on_known_probabilities():
    from ganexplorer.core.train.losses import d_loss, g_loss

    half, one, zero = torch.full((4, 1), 0.5), torch.ones(4, 1), torch.zeros(4, 1)
    assert float(d_loss("bce", half, half)) == pytest.approx(2 * np.log(2))
    assert float(d_loss("bce", one, zero)) == pytest.approx(0, abs=1e-5)   # clamped: no log(0)
    assert float(d_loss("lsgan", one, zero)) == 0 and float(d_loss("lsgan", half, half)) == pytest.approx(0.25)
    assert float(g_loss("bce", half)) == pytest.approx(np.log(2)) and float(g_loss("minimax", half)) == pytest.approx(-np.log(2))
    assert float(g_loss("lsgan", zero)) == pytest.approx(0.5)
    assert np.isfinite(float(g_loss("minimax", one)))   # a D that is sure of the fake does not give log(0)


def test_step_mode_and_pause(digits):
    tr = GANTrainer(TrainConfig(model="mlp-gan", batch_size=16), digits)
    d_before = [p.detach().clone() for p in tr.D.parameters()]
    g_before = [p.detach().clone() for p in tr.G.parameters()]
    list(tr.single_step("d"))  # one D step leaves G alone
    assert all(torch.equal(a, b) for a, b in zip(g_before, tr.G.parameters()))
    assert any(not torch.equal(a, b) for a, b in zip(d_before, tr.D.parameters()))
    list(tr.single_step("g"))
    assert any(not torch.equal(a, b) for a, b in zip(g_before, tr.G.parameters()))
    # Pausing is simply not pulling the next event; stopping closes the generator.
    before_run = [p.detach().clone() for p in tr.G.parameters()]
    run = tr.run(max_steps=100)
    pulled: list[StepEvent] = []
    while len(pulled) < 4:   # the first events are the step-0 samples
        e = next(run)
        pulled += [e] if isinstance(e, StepEvent) else []
    assert [e.step for e in pulled] == [3, 4, 5, 6] and tr.step == 6   # after the two single steps
    assert any(not torch.equal(a, b) for a, b in zip(before_run, tr.G.parameters()))   # pulling trains
    paused = [p.detach().clone() for p in tr.G.parameters()]
    tr.sample_grid()   # the consumer does something else while paused: no step runs
    assert tr.step == 6 and all(torch.equal(a, b) for a, b in zip(paused, tr.G.parameters()))
    assert next(run).step == 7   # un-pausing goes on where it stopped
    run.close()
    assert tr.step == 7 and tr.history[-1].step == 7


@pytest.mark.slow
def test_checkpoint_resume_round_trip(digits, tmp_path):
    cfg = TrainConfig(model="dcgan32", batch_size=16, checkpoint_every=2)
    tr = GANTrainer(cfg, digits, out_dir=tmp_path)
    events = list(tr.run(max_steps=4))
    assert any(isinstance(e, CheckpointEvent) for e in events)
    m = load_checkpoint(tmp_path / "last.safetensors")
    assert m.format == "native" and m.family == "dcgan32" and m.metadata["training"]["step"] == 4
    again = GANTrainer(cfg, digits, out_dir=tmp_path, resume=True)
    assert again.step == 4
    for a, b in zip(tr.G.state_dict().values(), again.G.state_dict().values()):
        assert torch.equal(a, b)
    assert again.opt_g.state_dict()["state"][0]["exp_avg"].abs().sum() > 0
    # Both continue identically from here: same batches, and the trainer's RNG state is in the checkpoint.
    tr.train_step()
    again.train_step()
    for a, b in zip(tr.G.parameters(), again.G.parameters()):
        assert torch.equal(a, b)


def test_nan_stops_training_and_keeps_the_last_checkpoint(digits, tmp_path):
    tr = GANTrainer(TrainConfig(model="mlp-gan", batch_size=16, checkpoint_every=1), digits, out_dir=tmp_path)
    list(tr.run(max_steps=2))
    good = (tmp_path / "last.safetensors").read_bytes()
    with torch.no_grad():
        next(tr.G.parameters()).fill_(float("nan"))
    events = list(tr.run(max_steps=10))
    assert isinstance(events[-1], StoppedEvent) and events[-1].reason == "nan" and "NaN" in events[-1].message
    assert (tmp_path / "last.safetensors").read_bytes() == good


def test_bad_settings(digits):
    with pytest.raises(ValueError, match="--model"):
        GANTrainer(TrainConfig(model="resnet"), digits)
    with pytest.raises(ValueError, match="not a conditional"):
        GANTrainer(TrainConfig(model="dcgan32", conditional=True), digits)
    with pytest.raises(ValueError, match="loss"):
        GANTrainer(TrainConfig(model="dcgan32", loss="wasserstein"), digits)


@pytest.mark.slow
def test_cli_train_then_generate(tmp_path):
    from ganexplorer.cli import main

    out = tmp_path / "run"
    assert main(["train", "--model", "mlp-gan", "--steps", "3", "--batch", "16", "--out", str(out), "-q"]) == 0
    assert (out / "last.safetensors").exists() and list((out / "samples").glob("*.png"))
    assert main(["generate", "--network", str(out / "last.safetensors"), "--seeds", "0-1", "--outdir",
                 str(tmp_path / "gen"), "-q"]) == 0
    assert main(["train", "--data", "mnist:/nonexistent", "--out", str(out)]) == 2


def _saved_step(path) -> int:
    from ganexplorer.core.train.checkpoint import read_run_config

    return read_run_config(path)[1]


@pytest.mark.slow
def test_sigkill_mid_run_then_resume(tmp_path):
    """Kill the training process hard; --resume continues from the last atomic checkpoint."""
    out = tmp_path / "run"
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    cmd = [sys.executable, "-m", "ganexplorer", "train", "--model", "mlp-gan", "--batch", "16", "--steps", "100000",
           "--checkpoint-every", "5", "--sample-every", "0", "--out", str(out), "-q"]
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 120
        # Kill it mid-run: after its second checkpoint (step 10), while it trains on.
        while not (out / "last.safetensors").exists() or _saved_step(out / "last.safetensors") < 10:
            assert p.poll() is None and time.time() < deadline, "no second checkpoint within 120 s"
            time.sleep(0.1)
    finally:
        p.send_signal(signal.SIGKILL)
        p.wait()
    m = load_checkpoint(out / "last.safetensors")  # not corrupt
    step = m.metadata["training"]["step"]
    assert step >= 5 and step % 5 == 0
    r = subprocess.run([sys.executable, "-m", "ganexplorer", "train", "--model", "mlp-gan", "--batch", "16",
                        "--steps", str(step + 3), "--checkpoint-every", "5", "--out", str(out), "--resume"],
                       env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert f"resumed at step {step}" in r.stdout
    assert load_checkpoint(out / "last.safetensors").metadata["training"]["step"] == step + 3


@pytest.mark.slow
def test_sigkill_long_before_the_step_interval_still_resumes(tmp_path):
    """A run whose step interval is never reached still leaves a checkpoint: every M minutes, whichever comes first."""
    out = tmp_path / "run"
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    base = [sys.executable, "-m", "ganexplorer", "train", "--model", "mlp-gan", "--batch", "16",
            "--checkpoint-every", "100000", "--checkpoint-minutes", "0.1", "--sample-every", "0", "--out", str(out)]
    p = subprocess.Popen(base + ["--steps", "1000000", "-q"], env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not (out / "last.safetensors").exists():
            assert p.poll() is None, f"the run ended before its first checkpoint: {p.stderr.read()}"
            assert time.monotonic() < deadline, "no checkpoint within 120 s"
            time.sleep(0.1)
    finally:
        p.send_signal(signal.SIGKILL)
        p.wait()
    step = load_checkpoint(out / "last.safetensors").metadata["training"]["step"]   # complete, not torn
    assert 0 < step < 100000
    r = subprocess.run(base + ["--steps", str(step + 2), "--resume"], env=env, capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stderr
    assert f"resumed at step {step}" in r.stdout
    assert load_checkpoint(out / "last.safetensors").metadata["training"]["step"] == step + 2


def test_demo1d_preprocessing():
    x = np.array([[1.0, 2.0, 3.0, 6.0]])
    m4 = preprocess(x, "moments4")
    assert m4.shape == (1, 4) and abs(float(m4[0, 0]) - 3.0) < 1e-6 and abs(float(m4[0, 1]) - np.std([1, 2, 3, 6])) < 1e-5
    assert preprocess(x, "moments2").shape == (1, 2) and preprocess(x, "diffs").shape == (1, 8)
    assert np.array_equal(preprocess(x, "raw"), x)


@pytest.mark.slow
def test_demo1d_moments4_learns_the_distribution():
    """Default schedule, seeded: the generated mean and std end within 0.25 of N(4, 1.25)."""
    demo = Demo1D(Demo1DConfig(preprocess="moments4", seed=0))
    events = list(demo.run())
    last, summary = events[-2], events[-1]
    big = demo.generate(20_000)
    assert abs(float(big.mean()) - 4.0) < 0.25, float(big.mean())
    assert abs(float(big.std()) - 1.25) < 0.25, float(big.std())
    line = last.log_line()
    assert line.startswith(f"Epoch {demo.config.epochs - 1}: D (") and "Real Dist ([" in line and "Fake Dist ([" in line
    assert summary.epochs == 2000 and abs(summary.learned[0] - 4.0) < 0.25 and summary.line().startswith("Done: 2000")


def test_digit_classifier_and_class_histogram_events(digits):
    from ganexplorer.core.metrics.digit_classifier import BUNDLED, class_report, load_classifier
    from ganexplorer.core.train.events import ClassHistogramEvent

    clf, info = load_classifier(BUNDLED)
    assert info["held_out_accuracy"] > 0.95
    full = open_dataset("builtin:digits")
    report = class_report(clf, full.prepared(32, 1))
    assert report.coverage == 10 and report.largest_share < 0.13 and report.confident_share > 0.8
    tr = GANTrainer(TrainConfig(model="mlp-gan", batch_size=16, sample_every=2), digits)
    hist = [e for e in tr.run(max_steps=2) if isinstance(e, ClassHistogramEvent)]
    # Untrained noise: the softmax alone calls it all one digit with >= 90 % probability; the gate does not.
    assert hist and hist[-1].samples == 200 and sum(hist[-1].counts) == 0 and hist[-1].coverage == 0
    assert class_report(clf, tr.G(tr.class_z)).confident_share > 0.9 and not hist[-1].recognisable


def brightness_classes(n: int = 240, seed: int = 0):
    """Four classes anyone can tell apart: black, dark grey, light grey and white squares with a little noise."""
    from ganexplorer.core.data.base import ImageDataset

    g = torch.Generator().manual_seed(seed)
    labels = torch.arange(n) % 4
    images = (labels.view(n, 1, 1, 1) * 80 + torch.randint(0, 15, (n, 1, 32, 32), generator=g)).to(torch.uint8)
    return ImageDataset("levels", images, labels, class_names=("0", "1", "2", "3"))


def test_training_a_classifier_learns_and_leaves_the_global_rng_alone():
    from ganexplorer.core.metrics.digit_classifier import DigitClassifier, train_classifier

    data = brightness_classes(400)
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    clf, acc = train_classifier(data, seed=5, epochs=5)
    assert torch.equal(torch.rand(3), expected)   # the caller's random stream did not move
    assert isinstance(clf, DigitClassifier) and acc > 0.9, acc   # 80 held-out squares, nearly all right
    again, _ = train_classifier(data, seed=5, epochs=1)
    other, _ = train_classifier(data, seed=6, epochs=1)
    first, _ = train_classifier(data, seed=5, epochs=1)
    assert all(torch.equal(a, b) for a, b in zip(first.parameters(), again.parameters()))   # seeded
    assert not torch.equal(next(first.parameters()), next(other.parameters()))


@pytest.mark.slow
def test_digit_gate_counts_real_digits_and_rejects_noise(digits):
    from ganexplorer.core.metrics.digit_classifier import DigitGate, class_report, load_classifier
    from ganexplorer.core.train.events import ClassHistogramEvent

    full = open_dataset("builtin:digits").prepared(32, 1)
    gate = DigitGate(load_classifier()[0], full)
    real = gate.confident_counts(full[-300:])
    assert sum(real) > 0.8 * 300 and sum(1 for c in real if c >= 6) == 10
    for junk in (torch.zeros(50, 1, 32, 32), torch.randn(50, 1, 32, 32).clamp(-1, 1)):
        assert sum(gate.confident_counts(junk)) == 0
        r = class_report(gate.classifier, junk, gate=gate)
        assert r.counts == (0,) * 10 and r.confident_share == 0 and r.coverage == 0
    assert ClassHistogramEvent(5, (10,) * 8 + (0, 0), 8, 0.4).recognisable
    assert not ClassHistogramEvent(5, (10,) * 7 + (0, 0, 0), 7, 0.9).recognisable


def test_single_steps_count_remeasure_and_redraw(digits):
    tr = GANTrainer(TrainConfig(model="dcgan32-quick", batch_size=16, watch_classes=False), digits)
    tr.train_step()
    d_fake = tr.history[-1].d_fake if tr.history else None
    for which in ("d", "g", "g"):
        events = list(tr.single_step(which))
        step = events[0]
        assert isinstance(step, StepEvent) and step.kind == which and step.step == tr.step
        assert isinstance(events[1], SamplesEvent) and events[1].step == tr.step
        assert step.d_real == pytest.approx(tr._measure()[0], rel=1e-5) and step.d_fake != d_fake   # measured after it
        d_fake = step.d_fake
    assert tr.step == 4 and [e.kind for e in tr.history[-3:]] == ["d", "g", "g"]
    with pytest.raises(ValueError, match="'d' or 'g'"):
        next(tr.single_step("x"))


def test_each_run_gets_its_own_folder_and_resumes_from_a_chosen_file(digits, tmp_path):
    from ganexplorer.core.train.checkpoint import new_run_dir, read_run_config

    a = new_run_dir(tmp_path / "runs", "mlp-gan", now=0)
    b = new_run_dir(tmp_path / "runs", "mlp-gan", now=0)
    assert a != b and a.is_dir() and b.is_dir() and b.name == a.name + "-2" and a.name.startswith("mlp-gan-")
    cfg = TrainConfig(model="mlp-gan", batch_size=16, lr=3e-4, checkpoint_every=0)
    tr = GANTrainer(cfg, digits, out_dir=a)
    list(tr.run(max_steps=3))
    saved, step = read_run_config(a / "last.safetensors")
    assert step == 3 and saved.model == "mlp-gan" and saved.lr == 3e-4 and saved.batch_size == 16
    moved = tmp_path / "elsewhere.safetensors"
    moved.write_bytes((a / "last.safetensors").read_bytes())
    again = GANTrainer(saved, digits, out_dir=b, resume_from=moved)
    assert again.step == 3 and len(again.history) == 3
    (tmp_path / "junk.safetensors").write_bytes(b"not a checkpoint")
    with pytest.raises(ValueError, match="not a ganexplorer checkpoint"):
        read_run_config(tmp_path / "junk.safetensors")


def test_quick_demo_preset_trains_with_its_own_defaults(digits):
    from ganexplorer.core.models.registry import QUICK_DEMO

    cfg = TrainConfig.for_model(QUICK_DEMO, batch_size=None)
    assert cfg.batch_size == 32 and cfg.lr == 5e-4 and TrainConfig.for_model(QUICK_DEMO, lr=1e-3).lr == 1e-3
    tr = GANTrainer(TrainConfig.for_model(QUICK_DEMO, batch_size=16), digits)
    assert tr.resolution == 32 and tr.channels == 1
    g0 = [p.detach().clone() for p in tr.G.parameters()]
    list(tr.run(max_steps=2))
    assert tr.step == 2 and any(not torch.equal(a, b) for a, b in zip(g0, tr.G.parameters()))


@pytest.mark.slow
def test_bundled_dcgan_covers_all_digits():
    from ganexplorer.core.metrics.digit_classifier import class_report, load_classifier
    from ganexplorer.core.render.latents import seed_to_z

    from pathlib import Path

    m = load_checkpoint(Path(__file__).resolve().parents[1] / "checkpoints" / "dcgan-digits.safetensors")
    clf, _ = load_classifier()
    z = torch.cat([seed_to_z(s, 100) for s in range(300)])
    with torch.no_grad():
        r = class_report(clf, m.G(z))
    assert r.coverage == 10 and r.largest_share <= 0.2
