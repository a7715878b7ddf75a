"""NVIDIA StyleGAN2 network pickles (stylegan2-ada-pytorch and stylegan3's StyleGAN2).

The pickle has already been read by the restricted unpickler, so every network is an
inert :class:`PersistentObject`: class name, constructor arguments (``_init_args`` /
``_init_kwargs``) and tensors. We rebuild the generator from our own classes with those
arguments and copy the tensors by name (our names equal NVIDIA's).

stylegan2-ada-pytorch: ``Generator(z_dim, c_dim, w_dim, img_resolution, img_channels,
mapping_kwargs={}, synthesis_kwargs={})``; the stylegan3 repository's StyleGAN2 passes
the synthesis kwargs flat: ``Generator(..., mapping_kwargs={}, **synthesis_kwargs)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ganexplorer.core.formats.bounds import build_bounded, check_finite, check_kwargs, numel
from ganexplorer.core.formats.errors import CheckpointError
from ganexplorer.core.formats.loaded import LoadedModel, load_weights
from ganexplorer.core.formats.safe_pickle import PersistentObject
from ganexplorer.core.models.stylegan2 import Generator
from ganexplorer.core.models.stylegan2_discriminator import Discriminator

_G_POSITIONAL = ("z_dim", "c_dim", "w_dim", "img_resolution", "img_channels", "mapping_kwargs", "synthesis_kwargs")
_D_POSITIONAL = ("c_dim", "img_resolution", "img_channels")
NETWORK_KEYS = ("G_ema", "G", "D")


def looks_like_nvidia(obj: Any) -> bool:
    return isinstance(obj, dict) and any(isinstance(obj.get(k), PersistentObject) for k in NETWORK_KEYS)


def _bind(rec: PersistentObject, positional: tuple[str, ...]) -> dict[str, Any]:
    kwargs = dict(zip(positional, rec.init_args))
    kwargs.update({str(k): v for k, v in rec.init_kwargs.items()})
    return kwargs


_PLAIN_BUDGET = 100_000  # values in one network's constructor arguments (real ones: a few dozen)


def _plain(obj: Any, budget: list[int] | None = None) -> Any:
    """EasyDicts and OrderedDicts -> dicts, recursively, so kwargs are plain data (a bounded walk)."""
    budget = [_PLAIN_BUDGET] if budget is None else budget
    budget[0] -= 1
    if budget[0] < 0:
        raise ValueError("constructor arguments larger than any network's")
    if isinstance(obj, dict):
        return {str(k): _plain(v, budget) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_plain(v, budget) for v in obj]
    if isinstance(obj, tuple):
        return tuple(_plain(v, budget) for v in obj)
    return obj


def _is_stylegan3(rec: PersistentObject) -> bool:
    synth = rec.children.get("synthesis")
    if rec.module_name == "networks_stylegan3":
        return True
    return isinstance(synth, PersistentObject) and "input" in synth.children


def generator_kwargs(rec: PersistentObject) -> dict[str, Any]:
    """Our Generator's kwargs from an NVIDIA Generator record (either repository's layout)."""
    kw = _plain(_bind(rec, _G_POSITIONAL))
    base = {k: kw.pop(k) for k in ("z_dim", "c_dim", "w_dim", "img_resolution", "img_channels") if k in kw}
    mapping = kw.pop("mapping_kwargs", {}) or {}
    synthesis = kw.pop("synthesis_kwargs", None)
    if synthesis is None:  # stylegan3 repository: synthesis kwargs are the remaining flat kwargs
        synthesis = kw
    elif kw:
        synthesis = {**synthesis, **kw} if isinstance(synthesis, dict) else synthesis
    return dict(base, mapping_kwargs=mapping, synthesis_kwargs=synthesis)


def load_nvidia(path: Path, obj: dict) -> LoadedModel:
    key = next((k for k in ("G_ema", "G") if isinstance(obj.get(k), PersistentObject)), None)
    if key is None:
        raise CheckpointError(path, "is an NVIDIA network pickle that holds only a discriminator (no G_ema or G)")
    rec: PersistentObject = obj[key]
    if rec.class_name != "Generator":
        raise CheckpointError(path, f"has a {key} of class {rec.class_name}, not a StyleGAN2 Generator")
    if _is_stylegan3(rec):
        raise CheckpointError(path, "holds a StyleGAN3 (alias-free) generator, which ganexplorer cannot render yet; "
                                    "StyleGAN2 pickles from the same repository work")
    try:
        kwargs = generator_kwargs(rec)
    except (TypeError, ValueError) as e:
        raise CheckpointError(path, f"has a StyleGAN2 generator whose arguments cannot be read ({e})") from None
    check_kwargs(path, kwargs, "StyleGAN2 generator")
    state = rec.tensors()
    G = build_bounded(path, lambda: Generator(**kwargs), numel(state), "StyleGAN2 generator")
    load_weights(path, G, state, f"StyleGAN2 {key}")
    G.float().eval()
    check_finite(path, G)
    notes = []
    if kwargs["synthesis_kwargs"].get("num_fp16_res"):
        notes.append("fp16 layers run in float32 on the CPU")
    D = None
    drec = obj.get("D")
    if isinstance(drec, PersistentObject) and drec.class_name == "Discriminator":
        try:
            d_kwargs = _plain(_bind(drec, _D_POSITIONAL))
            check_kwargs(path, d_kwargs, "discriminator")
            d_state = drec.tensors()
            D = build_bounded(path, lambda: Discriminator(**d_kwargs), numel(d_state), "discriminator")
            load_weights(path, D, d_state, "StyleGAN2 D")
            D.float().eval()
            check_finite(path, D, "discriminator")
        except (TypeError, ValueError) as e:
            D = None
            notes.append(f"its discriminator was not loaded ({e})")
        except CheckpointError as e:
            D = None
            notes.append(f"its discriminator was not loaded ({e.problem})")
    meta = {}
    if isinstance(obj.get("training_set_kwargs"), dict):
        try:
            meta["training_set_kwargs"] = _plain(obj["training_set_kwargs"])
        except ValueError:
            notes.append("its training_set_kwargs were too large to keep")
    return LoadedModel(G=G, D=D, family="stylegan2", format="nvidia-pickle", path=path, network=key,
                       notes=notes, metadata=meta)
