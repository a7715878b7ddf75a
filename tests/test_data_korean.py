"""The dataset readers' sentences are core sentences with codes: said in Korean, naming the same file."""

from __future__ import annotations

import os
import pickle
import sys

import numpy as np
import pytest

from ganexplorer.core.data.base import DatasetError
from ganexplorer.core.data.dataset import open_dataset
from ganexplorer.core.locale import translate
from ganexplorer.core.messages import Message


def _hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def _korean_naming(err: BaseException, name: str) -> str:
    said = str(err)
    korean = translate(said, "ko")
    assert isinstance(said, Message), said
    assert _hangul(korean) and name in korean, (said, korean)
    assert translate(str.__str__(said), "ko") == korean   # the same after the type is lost (a Qt signal)
    return korean


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs")
def test_a_fifo_given_as_an_idx_file_is_refused_in_korean(tmp_path):
    fifo = tmp_path / "다운로드 train-images-idx3-ubyte"
    os.mkfifo(fifo)
    with pytest.raises(DatasetError) as e:
        open_dataset(f"mnist:{fifo}")
    assert str(e.value) == f"'{fifo}': is a FIFO (named pipe), not a file."   # the English is as it was
    korean = _korean_naming(e.value, str(fifo))
    assert "FIFO" in korean and "파이프" in korean


def test_a_cifar_batch_with_string_labels_is_refused_in_korean(tmp_path):
    batch = {b"data": np.zeros((3, 3072), np.uint8), b"labels": ["cat", "dog", "cat"]}
    (tmp_path / "data_batch_1").write_bytes(pickle.dumps(batch, protocol=2))
    with pytest.raises(DatasetError) as e:
        open_dataset(f"cifar10:{tmp_path / 'data_batch_1'}")
    assert str(e.value) == (f"'{tmp_path / 'data_batch_1'}' has 'labels' that are not one integer label in 0..9 "
                            "per image")
    korean = _korean_naming(e.value, str(tmp_path / "data_batch_1"))
    assert "정수" in korean


def test_a_skipped_picture_is_noted_in_korean_with_its_reason(tmp_path):
    from PIL import Image

    Image.new("RGB", (8, 8), (200, 10, 10)).save(tmp_path / "good.png")
    (tmp_path / "broken.png").write_bytes(b"not a png at all")
    ds = open_dataset(f"folder:{tmp_path}")
    assert len(ds) == 1 and len(ds.notes) == 1
    note = ds.notes[0]
    assert note == f"skipped 1 unreadable image in '{tmp_path}' (first: broken.png: not a readable image " \
                   "(UnidentifiedImageError))"
    korean = translate(note, "ko")
    assert _hangul(korean) and str(tmp_path) in korean and "broken.png" in korean
    assert "읽을 수 있는 이미지가 아닙니다" in korean, korean   # the reason is translated too
