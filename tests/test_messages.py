"""Core's sentences have codes, every code has Korean, and raise sites use codes (no Qt here)."""

from __future__ import annotations

import ast
import pickle
import re
from pathlib import Path

import pytest

from ganexplorer.core import messages_ko
from ganexplorer.core.locale import translate, user_language
from ganexplorer.core.messages import ENGLISH, Message, fields_of, message, parse

ROOT = Path(__file__).resolve().parents[1] / "ganexplorer"


def _hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


@pytest.mark.parametrize("code", sorted(ENGLISH))
def test_every_code_has_korean_with_the_same_fields(code):
    korean = messages_ko.KOREAN.get(code)
    assert korean, f"core sentence {code!r} has no Korean in core/messages_ko.py"
    assert fields_of(korean) == fields_of(ENGLISH[code]), code
    assert _hangul(korean) or code == "file.frame", korean


def test_no_korean_without_an_english_sentence():
    assert set(messages_ko.KOREAN) <= set(ENGLISH)


@pytest.mark.parametrize("code", sorted(ENGLISH))
def test_a_sentence_is_recognised_again_after_losing_its_type(code):
    """Through a Qt signal or another process a Message becomes a plain str: parse finds its code again."""
    args = {name: f"ARG-{name}-1" for name in fields_of(ENGLISH[code])}
    made = message(code, **args)
    again = parse(str.__str__(made))
    assert again is not None and str.__str__(again) == str.__str__(made)
    # a shorter template may also match the same words; what it says in Korean must then be the same
    assert translate(str.__str__(made), "ko") == translate(made, "ko")


def test_a_checkpoint_error_keeps_its_code_through_str_pickle_and_nesting(tmp_path):
    from ganexplorer.core.formats.errors import CheckpointError

    e = CheckpointError(tmp_path / "a b.pkl", message("file.fifo"))
    said = str(e)
    assert isinstance(said, Message) and said.code == "file.frame"
    assert said == f"'{tmp_path / 'a b.pkl'}': is a FIFO (named pipe), not a file."
    back = pickle.loads(pickle.dumps(said))
    assert back.code == "file.frame" and back.args["problem"].code == "file.fifo"
    assert translate(said, "ko") == f"'{tmp_path / 'a b.pkl'}': FIFO(이름 있는 파이프)이며 파일이 아닙니다."
    assert translate(said, "") == said


def test_an_unknown_sentence_is_said_as_it_is():
    assert translate("something core never says", "ko") == "something core never says"
    assert parse("something core never says") is None


def test_an_argument_is_made_printable_and_cut():
    m = message("data.missing", path="evil\n\x1b[31mname" + "x" * 1000)
    assert "\n" not in m and "\x1b" not in m and len(m) < 500


def test_a_wrong_field_is_a_programming_error():
    with pytest.raises(KeyError):
        message("data.missing", file="x")


@pytest.mark.parametrize("env, lang", [
    ({}, ""), ({"LANG": "ko_KR.UTF-8"}, "ko"), ({"LANG": "en_US.UTF-8"}, ""), ({"LC_ALL": "ko"}, "ko"),
    ({"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}, ""), ({"GANEXPLORER_LANG": "en", "LANG": "ko_KR"}, ""),
    ({"GANEXPLORER_LANG": "ko", "LANG": "C"}, "ko"), ({"LC_MESSAGES": "ko_KR"}, "ko"),
])
def test_the_cli_language_follows_the_usual_variables(env, lang):
    assert user_language(env) == lang


# Exceptions whose text reaches the user; their raise sites must pass a message(...) (or a variable
# holding one), never a literal English sentence that no translation could follow.
USER_ERRORS = {"CheckpointError", "ReadError", "LoadCancelled", "Lab2DError", "PointsFileError", "DatasetError",
               "InputFileError"}
SWEPT = ["core/formats", "core/lab2d", "core/data", "core/guarded.py", "core/train", "core/io.py", "core/device.py",
         "core/render", "core/project", "core/metrics",
         "core/models"]   # folders (every .py under them) or files
NOT_YET: set[str] = set()   # files of a swept folder whose sentences get their codes in another change
# Places where every ValueError reaches the user too: the 2-D lab's callers show any ValueError it raises, the
# CLI and the Train tab show the training settings', devices' and animation writers' ValueErrors as they are.
ALSO_USER_ERRORS = {"core/lab2d": {"ValueError"}, "core/train": {"ValueError", "RunLocked", "WriteError"},
                    "core/io.py": {"WriteError"}, "core/device.py": {"ValueError"},
                    "core/render": {"ValueError"}, "core/project": {"ValueError", "ProjectedFileError", "TargetError"},
                    "core/metrics": {"ValueError"}, "core/models": {"ValueError"}}
# Literal sentences no user can reach: a programming error, and a choice the CLI's and the window's own
# choices already limit (argparse choices, a combo box). Matched by their first words.
INTERNAL = ("single_step takes", "pre-processing must be one of", "walk space must be", "no images to tile",
            "the grid does not match", "one strip per direction name",
            # the networks' own programming errors: presets and files are checked before a network is built
            "DCGAN resolution must be", "unknown model family", "StyleGAN2 generator architecture",
            "StyleGAN2 resolution must be", "this generator has no block", "unknown discriminator architecture",
            "dropout probability must be")


def _literal_sentences(path: Path, names: set[str] = USER_ERRORS) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        func = node.exc.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name in names and any(isinstance(a, (ast.Constant, ast.JoinedStr)) and not
                                       (isinstance(a, ast.Constant) and a.value is None) for a in node.exc.args):
            if not ast.unparse(node.exc).split("(", 1)[1].lstrip("f'\"").startswith(INTERNAL):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def _swept_files(place: str) -> list[Path]:
    files = [ROOT / place] if place.endswith(".py") else sorted((ROOT / place).rglob("*.py"))
    assert files and all(p.is_file() for p in files), place
    return [p for p in files if str(p.relative_to(ROOT)) not in NOT_YET]


def test_user_facing_errors_are_raised_with_a_code():
    literal = [hit for folder in SWEPT for p in _swept_files(folder)
               for hit in _literal_sentences(p, USER_ERRORS | ALSO_USER_ERRORS.get(folder, set()))]
    assert not literal, f"raise these with core.messages.message(CODE, ...): {literal}"


@pytest.mark.parametrize("head", [b"just some plain words", b"\x89PNG\r\n\x1a\n", b'{"a": 1}', b"\x93NUMPY\x01\x00",
                                  bytes(range(1, 20))])
def test_what_an_unknown_file_looked_like_is_said_in_korean_too(tmp_path, head):
    """'found plain text' used to stay English inside the Korean sentence (the argument was a bare English phrase)."""
    from ganexplorer.core.formats.load import CheckpointError, load_checkpoint
    from ganexplorer.core.locale import translate

    path = tmp_path / "odd.pt"
    path.write_bytes(head * 4)
    with pytest.raises(CheckpointError) as e:
        load_checkpoint(path)
    korean = translate(str(e.value), "ko")
    assert "found" not in korean and "발견" in korean
    assert not re.search(r"\b(plain|text|image|file|array|unrecognised|bytes)\b", korean), korean
