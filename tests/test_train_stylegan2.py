"""StyleGAN2 training (logistic loss, lazy R1, style mixing, EMA) and the quality figures."""

import math

import numpy as np
import pytest
import torch

from ganexplorer.core.data import open_dataset
from ganexplorer.core.formats import load_checkpoint
from ganexplorer.core.metrics.quality import evaluate, frechet_distance
from ganexplorer.core.train.events import MixingEvent, SamplesEvent, StepEvent, StoppedEvent
from ganexplorer.core.train.config import TrainConfig
from ganexplorer.core.train.factory import make_trainer
from ganexplorer.core.train.stylegan2_trainer import StyleGAN2Trainer


@pytest.fixture(scope="module")
def digits():
    return open_dataset("builtin:digits", limit=128)


def small(**kw) -> TrainConfig:
    return TrainConfig.for_model("stylegan2-32", **{"batch_size": 8, "sample_every": 2, "log_every": 0,
                                                    "grid_size": 2, **kw})


def test_family_defaults_and_validation(digits):
    cfg = TrainConfig.for_model("stylegan2-32")
    assert (cfg.lr, cfg.beta1, cfg.beta2, cfg.batch_size) == (0.0025, 0.0, 0.99, 32)
    assert (cfg.r1_gamma, cfg.augment) == (10.0, "translation")
    assert TrainConfig.for_model("dcgan32").lr == 2e-4
    assert isinstance(make_trainer(small(), digits), StyleGAN2Trainer)
    with pytest.raises(ValueError, match="multiple of 4"):
        make_trainer(small(batch_size=6), digits)
    with pytest.raises(ValueError, match="--model"):
        make_trainer(TrainConfig.for_model("stylegan2-1024"), digits)


def test_a_few_steps_change_weights_apply_r1_on_its_interval_and_track_ema(digits):
    tr = make_trainer(small(r1_interval=2), digits)
    g0 = [p.detach().clone() for p in tr.G.parameters()]
    d0 = [p.detach().clone() for p in tr.D.parameters()]
    e0 = [p.detach().clone() for p in tr.G_ema.parameters()]
    w_avg0 = tr.G.mapping.w_avg.clone()
    events = list(tr.run(max_steps=4))
    steps = [e for e in events if isinstance(e, StepEvent)]
    assert len(steps) == 4 and all(math.isfinite(e.d_loss) and math.isfinite(e.g_loss) for e in steps)
    assert tr.history == steps   # what was yielded is what the trainer recorded
    # The logistic loss is the BCE of D's probabilities, so by Jensen it is at least -log D(x) - log(1 - D(G(z)))
    # of the recorded means: true only if d_real / d_fake are the sigmoid means of the same forward pass.
    assert all(e.d_loss >= -math.log(e.d_real) - math.log(1 - e.d_fake) - 1e-5 for e in steps)
    assert tr.r1_applied == 2 and all(math.isfinite(e.r1) and e.r1 >= 0 for e in steps)
    assert any(not torch.equal(a, b) for a, b in zip(g0, tr.G.parameters()))
    assert any(not torch.equal(a, b) for a, b in zip(d0, tr.D.parameters()))
    moved = [not torch.equal(a, b) for a, b in zip(e0, tr.G_ema.parameters())]
    assert any(moved)
    # The average trails G: it moved, but is not G.
    assert any(not torch.equal(a, b) for a, b in zip(tr.G_ema.parameters(), tr.G.parameters()))
    assert not torch.equal(w_avg0, tr.G.mapping.w_avg)
    assert torch.equal(tr.G_ema.mapping.w_avg, tr.G.mapping.w_avg)
    strips = [e for e in events if isinstance(e, MixingEvent)]
    grids = [e for e in events if isinstance(e, SamplesEvent)]
    assert strips and grids and isinstance(events[-1], StoppedEvent)
    assert strips[-1].grid.shape == (4 * 32 + 3 * 2, 7 * 32 + 6 * 2, 3)
    # Cells share their top seed's coarse styles: same across a column only where the row seeds agree.
    assert not np.array_equal(strips[-1].grid[34:66, 34:66], strips[-1].grid[68:100, 34:66])


def test_r1_off_and_path_length_regulariser(digits):
    tr = make_trainer(small(r1_gamma=0.0, pl_weight=2.0, pl_interval=1, mixing_prob=0.0), digits)
    for _ in range(2):
        tr.train_step()
    assert tr.r1_applied == 0 and float(tr.pl_mean) > 0
    # Lazy regularisation scales Adam's settings by interval / (interval + 1); off means untouched.
    assert tr.opt_d.param_groups[0]["lr"] == pytest.approx(0.0025)
    assert tr.opt_g.param_groups[0]["lr"] == pytest.approx(0.0025 * 1 / 2)


@pytest.mark.slow
def test_checkpoint_round_trip_resume_and_explorer_sees_the_average(digits, tmp_path):
    tr = make_trainer(small(), digits, out_dir=tmp_path)
    list(tr.run(max_steps=2))
    path = tmp_path / "last.safetensors"
    m = load_checkpoint(path)
    assert m.family == "stylegan2" and m.network == "G_ema"
    for (k, a), b in zip(m.G.state_dict().items(), tr.G_ema.state_dict().values()):
        assert torch.equal(a, b), k
    back = make_trainer(small(), digits, out_dir=tmp_path, resume=True)
    assert back.step == 2 and (back._d_updates, back._g_updates) == (2, 2)
    for a, b in zip(back.G.parameters(), tr.G.parameters()):
        assert torch.equal(a, b)
    for a, b in zip(back.G_ema.parameters(), tr.G_ema.parameters()):
        assert torch.equal(a, b)
    for a, b in zip(back.D.parameters(), tr.D.parameters()):
        assert torch.equal(a, b)
    assert back.opt_d.state_dict()["state"].keys() == tr.opt_d.state_dict()["state"].keys()
    events = list(back.run(max_steps=3))
    assert back.step == 3 and any(isinstance(e, StepEvent) and e.step == 3 for e in events)


def test_frechet_distance_matches_the_closed_form_for_gaussians():
    g = torch.Generator().manual_seed(0)
    a = torch.randn(200_000, 3, generator=g) * torch.tensor([1.0, 2.0, 0.5])
    b = torch.randn(200_000, 3, generator=g) * torch.tensor([1.5, 2.0, 1.0]) + torch.tensor([1.0, 0.0, 0.0])
    # Diagonal covariances: |mu_a - mu_b|^2 + sum (sigma_a - sigma_b)^2 = 1 + 0.25 + 0 + 0.25.
    assert frechet_distance(a, b) == pytest.approx(1.5, abs=0.03)
    assert frechet_distance(a, a) == pytest.approx(0.0, abs=1e-6)


@pytest.mark.slow
def test_quality_report_of_an_untrained_generator_is_far_from_real(digits):
    from ganexplorer.core.metrics.digit_classifier import load_classifier
    from ganexplorer.core.models.registry import build_preset

    G, _ = build_preset("stylegan2-32")
    r = evaluate(G, load_classifier()[0], digits)
    assert r.samples == 64 and sum(r.counts) == 64
    assert r.frechet > 3 * r.frechet_floor and r.frechet_floor >= 0
    # The summary figures are the histogram's: classes with >= 2 % of the samples, the largest class's share.
    assert r.coverage == sum(c / 64 >= 0.02 for c in r.counts) and r.largest_share == max(r.counts) / 64
    assert (r.confident_share * 64).is_integer()


@pytest.mark.slow
def test_cli_trains_stylegan2_for_minutes_then_scores_it(tmp_path, capsys):
    from ganexplorer.cli import main

    out = tmp_path / "run"
    assert main(["train", "--model", "stylegan2-32", "--batch", "8", "--minutes", "0.05", "--out", str(out),
                 "-q"]) == 0
    m = load_checkpoint(out / "last.safetensors")
    assert m.metadata["training"]["step"] >= 1 and list((out / "samples").glob("mixing*.png"))
    capsys.readouterr()
    assert main(["quality", str(out / "last.safetensors"), "--store", "-q"]) == 0
    assert "Fréchet" in capsys.readouterr().out
    assert load_checkpoint(out / "last.safetensors").metadata["quality"]["samples"] > 100
    assert main(["quality", str(tmp_path / "nothing.pkl")]) == 2


def test_differentiable_augmentation_moves_content_keeps_gradients_and_is_validated(digits):
    from ganexplorer.core.train.augment import diff_augment

    torch.manual_seed(0)
    x = torch.full((16, 1, 32, 32), -1.0)
    x[:, :, 12:20, 12:20] = 1.0
    moved = diff_augment(x, "translation")
    assert moved.shape == x.shape and ((moved == 1).flatten(1).sum(1) == 64).all()  # shifted, never cut off here
    assert any(not torch.equal(m, x[0]) for m in moved)
    cut = diff_augment(x, "cutout")
    assert (cut == -1).sum() > (x == -1).sum()
    g = torch.randn(2, 1, 32, 32, requires_grad=True)
    diff_augment(g, "translation,cutout").sum().backward()
    assert g.grad is not None and g.grad.abs().sum() > 0
    assert torch.equal(diff_augment(g, ""), g)
    with pytest.raises(ValueError, match="augmentation"):
        make_trainer(small(augment="rotation"), digits)
    tr = make_trainer(small(augment="translation,cutout"), digits)
    assert all(math.isfinite(v) for k, v in tr.train_step().items() if k != "r1")


@pytest.mark.slow
def test_conditional_stylegan2_trains_on_labels_and_renders_each_class(digits, tmp_path):
    from ganexplorer.core.render import RenderRequest, Renderer

    cfg = TrainConfig.for_model("stylegan2-32-cond", batch_size=8, conditional=True, sample_every=0, log_every=0)
    tr = make_trainer(cfg, digits, out_dir=tmp_path)
    assert tr.n_classes == 10 and tr.condition(torch.tensor([3]))[0, 3] == 1
    list(tr.run(max_steps=2))
    m = load_checkpoint(tmp_path / "last.safetensors")
    assert m.c_dim == 10
    r = Renderer(m)
    a, b = (r.render(RenderRequest(seed=0, label=k)).rgb for k in (1, 7))
    assert not np.array_equal(a, b)  # the label reaches the picture
    with pytest.raises(ValueError, match="not a conditional"):
        make_trainer(small(conditional=True), digits)


def test_single_steps_remeasure_sigmoid_of_d_and_redraw_the_mixing_strip(digits):
    """Step mode on StyleGAN2: D(x), D(G(z)) are sigmoid(logits) measured after the update; G moves, D does not."""
    tr = make_trainer(small(watch_classes=False), digits)
    d0 = [p.detach().clone() for p in tr.D.parameters()]
    events = list(tr.single_step("g"))
    step = events[0]
    assert isinstance(step, StepEvent) and step.kind == "g" and step.step == tr.step == 1
    assert step.d_real == pytest.approx(tr._measure()[0], rel=1e-5)   # measured after the update, on the next batch
    assert all(torch.equal(a, b) for a, b in zip(d0, tr.D.parameters()))
    assert {type(e) for e in events[1:]} == {SamplesEvent, MixingEvent}
