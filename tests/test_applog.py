"""The log: a rotating file in the folder asked for, uncaught exceptions of every thread in it, one line on
stderr, the hooks put back afterwards. No Qt."""

import logging
import subprocess
import sys
import threading

import pytest

from ganexplorer import applog


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    folder = tmp_path / "logs"
    monkeypatch.setenv(applog.LOG_DIR_ENV, str(folder))
    return folder


def _log(folder) -> str:
    return (folder / applog.LOG_NAME).read_text(encoding="utf-8")


def test_an_exception_in_a_plain_thread_ends_up_in_the_log_file_and_with_the_listeners(log_dir):
    heard = []

    def listener(exc, thread):
        heard.append((type(exc), thread))

    applog.add_error_listener(listener)
    try:
        with applog.session() as path:
            assert path == log_dir / applog.LOG_NAME

            def work():
                raise KeyError("sample 3")

            t = threading.Thread(target=work, name="loader-7")
            t.start()
            t.join()
    finally:
        applog.remove_error_listener(listener)
    assert heard == [(KeyError, "loader-7")]
    text = _log(log_dir)
    assert "loader-7" in text and "Traceback" in text and "KeyError: 'sample 3'" in text and "in work" in text


def test_sys_excepthook_logs_and_the_hooks_are_put_back(log_dir):
    before = (sys.excepthook, threading.excepthook)
    with applog.session():
        assert sys.excepthook is not before[0] and threading.excepthook is not before[1]
        try:
            {}["missing"]
        except KeyError:
            sys.excepthook(*sys.exc_info())   # what Python (and Qt, for a slot that raised) calls
    assert (sys.excepthook, threading.excepthook) == before
    assert "KeyError: 'missing'" in _log(log_dir) and "Traceback" in _log(log_dir)
    assert not any(h.get_name() == "ganexplorer-file" for h in logging.getLogger().handlers)


def test_a_session_inside_a_session_changes_nothing(log_dir):
    with applog.session():
        hooks = (sys.excepthook, threading.excepthook)
        handlers = list(logging.getLogger().handlers)
        with applog.session() as inner:
            assert inner == log_dir / applog.LOG_NAME
            assert (sys.excepthook, threading.excepthook) == hooks and logging.getLogger().handlers == handlers
        assert (sys.excepthook, threading.excepthook) == hooks   # the outer one still holds


def test_the_log_rotates(log_dir, monkeypatch):
    monkeypatch.setattr(applog, "MAX_BYTES", 2_000)
    with applog.session():
        for i in range(200):
            logging.getLogger("ganexplorer.test").info("line %d of a long lesson", i)
    files = sorted(p.name for p in log_dir.iterdir())
    assert files == ["ganexplorer.log", "ganexplorer.log.1", "ganexplorer.log.2", "ganexplorer.log.3"]
    assert all((log_dir / f).stat().st_size <= 2_000 for f in files)


def test_uncaught_errors_reach_stderr_as_one_line_and_the_file_with_the_traceback(tmp_path):
    """A separate process: its thread raises; stderr gets one sentence naming the log, the file the traceback."""
    code = ("import threading\nfrom ganexplorer import applog\nwith applog.session():\n"
            "    t = threading.Thread(target=lambda: 1 / 0, name='worker'); t.start(); t.join()\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                       env={"PATH": "", applog.LOG_DIR_ENV: str(tmp_path / "logs"), "HOME": str(tmp_path)})
    assert p.returncode == 0, p.stderr
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and "ZeroDivisionError" in lines[0] and "ganexplorer.log" in lines[0], p.stderr
    assert "Traceback" in _log(tmp_path / "logs")


def test_an_unwritable_log_folder_falls_back_to_stderr(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(applog.LOG_DIR_ENV, str(blocker / "logs"))
    with applog.session() as path:
        assert path is None
        try:
            raise ValueError("bad sample")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    err = capsys.readouterr().err
    assert "cannot write the log" in err and "ValueError: bad sample" in err and "Traceback" in err


def test_a_listener_that_is_gone_is_dropped(log_dir):
    """A bound method is held weakly: a window garbage-collected stops listening, nothing fails."""
    class Window:
        def __init__(self):
            self.heard = []

        def on_error(self, exc, thread):
            self.heard.append(exc)

    kept, gone = Window(), Window()
    applog.add_error_listener(kept.on_error)
    applog.add_error_listener(gone.on_error)
    del gone
    try:
        applog.report_uncaught(ValueError("x"), None, "MainThread")
    finally:
        applog.remove_error_listener(kept.on_error)
    assert [type(e) for e in kept.heard] == [ValueError]
    applog.report_uncaught(ValueError("y"), None, "MainThread")
    assert len(kept.heard) == 1


def test_a_log_another_process_holds_open_keeps_growing_quietly(log_dir, monkeypatch, capsys):
    """Windows refuses to rename a file another process has open: no rotation then, no logging errors."""
    def refuse(self, source, dest):
        raise PermissionError(13, "The process cannot access the file", source)

    monkeypatch.setattr(applog, "MAX_BYTES", 2_000)
    monkeypatch.setattr(applog._RotatingFile, "rotate", refuse)
    with applog.session():
        for i in range(100):
            logging.getLogger("ganexplorer.test").info("line %d of a long lesson", i)
    assert "line 99 of a long lesson" in _log(log_dir) and "line 0 of" in _log(log_dir)
    assert "Logging error" not in capsys.readouterr().err


def test_applog_needs_no_qt():
    """The CLI logs through it too: importing it and starting a session loads no Qt."""
    code = ("import os, sys, tempfile; os.environ['GANEXPLORER_LOG_DIR'] = tempfile.mkdtemp()\n"
            "from ganexplorer import applog\nwith applog.session(): pass\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'torch')]\n"
            "print(bad); sys.exit(1 if bad else 0)")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stdout + p.stderr
