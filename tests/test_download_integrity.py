"""A download is cached only when whole and the expected file (issue 21): servers on 127.0.0.1 only.

Each case is a server that lies: no Content-Length and a cut-off body, a Content-Length too small, an error
page with status 200, bytes that are not HTTP at all. Before: the cut-off and too-short files were cached
as complete (and the next open failed far from the cause); a non-HTTP answer was a traceback.
"""

import hashlib
import http.server
import io
import socketserver
import threading

import numpy as np
import pytest

from ganexplorer.core.data import DatasetError
from ganexplorer.core.data import download as dl


def _npy(rows: int = 5) -> bytes:
    buf = io.BytesIO()
    np.save(buf, np.arange(rows * 784, dtype=np.int64).astype(np.uint8).reshape(rows, 784))
    return buf.getvalue()


class _Lying(http.server.BaseHTTPRequestHandler):
    """Routes: path -> (status, headers, body); ``body`` is what is really sent."""

    routes: dict = {}

    def do_GET(self):
        status, headers, body = self.routes[self.path]
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def serve():
    servers = []

    def start(handler_or_routes):
        if isinstance(handler_or_routes, dict):
            handler = type("H", (_Lying,), {"routes": handler_or_routes})
            srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        else:
            srv = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler_or_routes)
        srv.daemon_threads = True
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)
        return f"http://127.0.0.1:{srv.server_address[1]}/"
    yield start
    for srv in servers:
        srv.shutdown()
        srv.server_close()


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GANEXPLORER_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _nothing_cached(cache) -> bool:
    return not [p for p in cache.rglob("*") if p.is_file()] if cache.exists() else True


def test_a_body_cut_off_without_a_length_is_not_cached(serve, cache):
    whole = _npy()
    base = serve({"/cat.npy": (200, {}, whole[: len(whole) // 2])})   # HTTP/1.0, no length: the close ends it
    with pytest.raises(DatasetError, match="incomplete"):
        dl.download("quickdraw:cat", base_url=base)
    assert _nothing_cached(cache)


def test_a_length_too_small_is_not_trusted(serve, cache):
    whole = _npy()
    base = serve({"/cat.npy": (200, {"Content-Length": str(len(whole) - 100)}, whole[:-100])})
    with pytest.raises(DatasetError, match="incomplete"):
        dl.download("quickdraw:cat", base_url=base)
    assert _nothing_cached(cache)


def test_an_error_page_with_status_200_is_not_cached(serve, cache):
    page = b"<html><body>Please log in to the hotel wifi</body></html>"
    base = serve({"/cat.npy": (200, {"Content-Length": str(len(page))}, page),
                  "/train-images-idx3-ubyte.gz": (200, {"Content-Length": str(len(page))}, page),
                  "/train-labels-idx1-ubyte.gz": (200, {"Content-Length": str(len(page))}, page)})
    for name in ("quickdraw:cat", "mnist", "fashion-mnist"):
        with pytest.raises(DatasetError, match="not the expected file") as e:
            dl.download(name, base_url=base)
        assert "\n" not in str(e.value)
    assert _nothing_cached(cache)


def test_a_known_file_must_have_its_published_sha256(serve, cache, monkeypatch):
    body = b"\x1f\x8b" + bytes(range(256)) * 4
    good = hashlib.sha256(body).hexdigest()
    monkeypatch.setitem(dl.KNOWN, ("mnist", "train-labels-idx1-ubyte.gz"), (len(body), good))
    tampered = body[:-1] + b"\x00"
    base = serve({"/train-images-idx3-ubyte.gz": (200, {}, tampered),
                  "/train-labels-idx1-ubyte.gz": (200, {}, tampered)})
    monkeypatch.setitem(dl.KNOWN, ("mnist", "train-images-idx3-ubyte.gz"), (len(body), good))
    with pytest.raises(DatasetError, match="SHA-256"):
        dl.download("mnist", base_url=base)
    assert _nothing_cached(cache)


def test_a_bad_file_already_in_the_cache_is_fetched_again(serve, cache):
    whole = _npy()
    (cache / "quickdraw").mkdir(parents=True)
    (cache / "quickdraw" / "cat.npy").write_bytes(whole[:200])   # left by an older version
    base = serve({"/cat.npy": (200, {"Content-Length": str(len(whole))}, whole)})
    spec = dl.download("quickdraw:cat", base_url=base)
    assert (cache / "quickdraw" / "cat.npy").read_bytes() == whole and spec.startswith("quickdraw:")


class _NotHTTP(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.recv(1024)
        self.request.sendall(b"SSH-2.0-OpenSSH_9.6\r\nProtocol mismatch.\r\n")


def test_a_server_that_does_not_speak_http_is_one_sentence(serve, cache, capsys):
    from ganexplorer.cli import main

    base = serve(_NotHTTP)
    with pytest.raises(DatasetError, match="did not answer in HTTP"):
        dl.download("quickdraw:cat", base_url=base)
    assert main(["download", "quickdraw:cat", "--base-url", base, "-q"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "HTTP" in err and "Traceback" not in err
    assert _nothing_cached(cache)
