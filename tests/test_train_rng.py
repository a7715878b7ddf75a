"""The trainer's explicit generators (core/train/rng.py), the mode that hands one to torch's constructors
(core/models/draws.py) and the dropout that takes one (core/models/dropout.py)."""

import threading

import pytest
import torch
from torch import nn

from ganexplorer.core.models.dropout import Dropout, draw_dropout_from
from ganexplorer.core.models.draws import DrawsFrom
from ganexplorer.core.train.rng import TrainerRNG


@pytest.mark.parametrize("channels", [False, True])
def test_dropout_draws_the_masks_torch_dropout_draws_from_the_same_state(channels):
    """What lets a checkpoint of the swapping trainer resume bit-exactly: its ``train.rng`` was torch's global
    state, which only nn.Dropout/Dropout2d read during a step; our layer, given a generator in that state,
    drops the same elements (or channels) with the same scale."""
    x = torch.randn(6, 5, 4, 4)
    torch.manual_seed(11)
    state = torch.get_rng_state()
    expected = (nn.Dropout2d(0.25) if channels else nn.Dropout(0.25)).train()(x)
    ours = Dropout(0.25, channels=channels).train()
    draw_dropout_from(ours, torch.Generator())
    assert ours.generator is not None
    ours.generator.set_state(state)
    torch.manual_seed(0)
    before = torch.get_rng_state()
    assert torch.equal(ours(x), expected)
    assert torch.equal(before, torch.get_rng_state())   # the global stream was not read
    assert torch.equal(ours.eval()(x), x)


def test_dropout_without_a_generator_is_torchs_and_keeps_the_state_dict_keys():
    from ganexplorer.core.models.mlp import MLPDiscriminator

    x = torch.randn(4, 32)
    torch.manual_seed(3)
    expected = nn.Dropout(0.5)(x)
    torch.manual_seed(3)
    assert torch.equal(Dropout(0.5)(x), expected)
    keys = list(MLPDiscriminator(img_size=8).state_dict())
    assert keys == ["model.0.weight", "model.0.bias", "model.3.weight", "model.3.bias", "model.6.weight",
                    "model.6.bias"]   # the indices nn.Dropout had
    with pytest.raises(ValueError, match="dropout probability"):
        Dropout(1.0)


def test_draws_from_routes_this_threads_draws_and_refuses_global_only_ones():
    g = torch.Generator().manual_seed(5)
    expected = torch.randn(3, generator=torch.Generator().manual_seed(5))
    torch.manual_seed(0)
    before = torch.get_rng_state()
    with DrawsFrom(g):
        assert torch.equal(torch.randn(3), expected)
        layer = nn.Linear(4, 4)   # torch's constructor and nn.init draw from g too
        thread = threading.Thread(target=lambda: torch.rand(1))   # another thread: the global generator
        thread.start()
        thread.join()
        with pytest.raises(RuntimeError, match="global RNG"):
            nn.functional.dropout(torch.ones(3), 0.5, True)
    after = torch.get_rng_state()
    torch.set_rng_state(before)
    torch.rand(1)
    assert torch.equal(after, torch.get_rng_state())   # the other thread's one draw, none of the block's
    torch.manual_seed(5)
    torch.randn(3)
    assert torch.equal(layer.weight, nn.Linear(4, 4).weight)   # the block drew exactly as after manual_seed


def test_trainer_rng_saves_and_loads_both_generators_in_place():
    rng = TrainerRNG(1)
    modules, draws = rng.modules, rng.draws
    saved = rng.state_tensors()
    first = (torch.rand(2, generator=rng.modules), torch.rand(2, generator=rng.draws))
    rng.load(saved["train.rng"], saved["train.rng_draws"])
    assert rng.modules is modules and rng.draws is draws   # layers holding them keep drawing from them
    assert torch.equal(torch.rand(2, generator=modules), first[0]) and torch.equal(torch.rand(2, generator=draws),
                                                                                    first[1])


def test_a_state_without_draws_gives_two_different_streams_the_same_way_each_time():
    """An old checkpoint (or a rank's fresh state) used to set both generators to the same bits, which tied
    dropout masks to the latents; now the second stream is derived from the first, reproducibly."""
    from ganexplorer.core.train.rng import TrainerRNG

    state = torch.Generator().manual_seed(123).get_state()
    a, b = TrainerRNG(0), TrainerRNG(7)
    a.load(state)
    b.load(state)
    modules = torch.rand(64, generator=a.modules)
    draws = torch.rand(64, generator=a.draws)
    assert not torch.equal(modules, draws)
    assert torch.equal(modules, torch.rand(64, generator=b.modules))
    assert torch.equal(draws, torch.rand(64, generator=b.draws))
