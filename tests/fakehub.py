"""A fake Hugging Face Hub on 127.0.0.1, serving tiny local repos to the real client.

The real Hub is unreachable from CI, yet the model picker must be tested through the real
``huggingface_hub`` client (its URLs, headers, cache layout and error mapping are exactly
what breaks in the field). This server answers the routes ``huggingface_hub`` 2.4 calls:

- ``GET /api/models`` (search, ``pipeline_tag``, ``filter``, ``author``, ``sort``,
  ``direction``, ``limit``, ``expand``; pages through a ``Link: <...>; rel="next"`` header),
- ``GET /api/models/{repo}[/revision/{rev}]`` (``?blobs=true`` adds file sizes),
- ``GET /api/models/{repo}/tree/{rev}[/{path}]``,
- ``HEAD``/``GET /{repo}/resolve/{rev}/{path}`` (``X-Repo-Commit``, ``ETag``, ``Range``),
- ``GET /api/whoami-v2``.

Knobs for tests: ``throttle_bps`` (slow downloads, to watch progress and cancel),
``fail_after_bytes`` (drop each file's first transfer after N bytes, to watch a resume),
and the ``requests`` log (to prove offline mode sends nothing). Gated repos answer 401
without a token and 403 with a token that has not accepted the licence, like the real Hub.
"""

from __future__ import annotations

import hashlib
import json
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

import pytest

LFS_SUFFIXES = (".safetensors", ".bin", ".h5", ".msgpack", ".onnx", ".gguf", ".pt", ".ot")
DTYPE_BYTES = {"F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I8": 1, "U8": 1}


@dataclass
class FakeRepo:
    """One model repo: its files (path -> bytes) and the metadata the Hub shows for it."""

    repo_id: str
    files: dict[str, bytes]
    pipeline_tag: str | None = None
    library_name: str | None = "transformers"
    downloads: int = 0
    likes: int = 0
    trending_score: float = 0.0
    last_modified: str = "2024-01-01T00:00:00.000Z"
    license: str | None = "apache-2.0"
    language: tuple[str, ...] = ("en",)
    gated: bool | str = False
    private: bool = False

    def __post_init__(self) -> None:
        if "README.md" not in self.files:
            self.files["README.md"] = self.readme().encode()
        digest = hashlib.sha1()
        for path in sorted(self.files):
            digest.update(path.encode() + b"\0" + self.etag(path).encode())
        self.sha = digest.hexdigest()

    def readme(self) -> str:
        meta = [f"pipeline_tag: {self.pipeline_tag}"] if self.pipeline_tag else []
        if self.license:
            meta.append(f"license: {self.license}")
        if self.library_name:
            meta.append(f"library_name: {self.library_name}")
        meta += ["language:", *(f"- {code}" for code in self.language)]
        body = f"# {self.repo_id}\n\nA tiny random model served by the test Hub.\n"
        return "---\n" + "\n".join(meta) + "\n---\n\n" + body

    @property
    def tags(self) -> list[str]:
        tags = [t for t in (self.library_name, self.pipeline_tag) if t]
        tags += list(self.language)
        if self.license:
            tags.append(f"license:{self.license}")
        if any(p.endswith(".safetensors") for p in self.files):
            tags.append("safetensors")
        return tags

    def is_lfs(self, path: str) -> bool:
        return path.endswith(LFS_SUFFIXES)

    def oid(self, path: str) -> str:
        data = self.files[path]
        return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()

    def etag(self, path: str) -> str:
        if self.is_lfs(path):
            return hashlib.sha256(self.files[path]).hexdigest()
        return self.oid(path)

    def safetensors(self) -> dict[str, Any] | None:
        """Parameter counts per dtype, read from the safetensors headers like the Hub does."""
        counts: Counter[str] = Counter()
        for path, data in self.files.items():
            if not path.endswith(".safetensors"):
                continue
            (length,) = struct.unpack("<Q", data[:8])
            header = json.loads(data[8 : 8 + length])
            for name, entry in header.items():
                if name != "__metadata__":
                    n = 1
                    for dim in entry["shape"]:
                        n *= dim
                    counts[entry["dtype"]] += n
        if not counts:
            return None
        return {"parameters": dict(counts), "total": sum(counts.values())}

    def sibling(self, path: str, blobs: bool) -> dict[str, Any]:
        entry: dict[str, Any] = {"rfilename": path}
        if blobs:
            entry.update(size=len(self.files[path]), blobId=self.oid(path))
            if self.is_lfs(path):
                entry["lfs"] = {"size": len(self.files[path]), "sha256": self.etag(path),
                                "pointerSize": 134}
        return entry

    def info(self, *, blobs: bool = False, fields: list[str] | None = None) -> dict[str, Any]:
        full: dict[str, Any] = {
            "_id": self.sha[:24], "id": self.repo_id, "modelId": self.repo_id,
            "author": self.repo_id.split("/")[0], "sha": self.sha,
            "lastModified": self.last_modified, "createdAt": "2023-01-01T00:00:00.000Z",
            "private": self.private, "gated": self.gated, "disabled": False,
            "downloads": self.downloads, "likes": self.likes, "trendingScore": self.trending_score,
            "library_name": self.library_name, "tags": self.tags, "pipeline_tag": self.pipeline_tag,
            "cardData": {"license": self.license, "language": list(self.language),
                         "pipeline_tag": self.pipeline_tag},
            "siblings": [self.sibling(p, blobs) for p in sorted(self.files)],
            "safetensors": self.safetensors(),
            "usedStorage": sum(len(d) for d in self.files.values()),
        }
        if fields is None:
            return full
        return {"_id": full["_id"], "id": self.repo_id,
                **{k: full[k] for k in fields if k in full}}


def repo_from_folder(repo_id: str, folder: Path, *, extra: Mapping[str, bytes] | None = None,
                     drop: tuple[str, ...] = (), **meta: Any) -> FakeRepo:
    """A repo holding a ``save_pretrained`` folder's files (plus ``extra``, minus ``drop``)."""
    files = {p.name: p.read_bytes() for p in sorted(folder.iterdir())
             if p.is_file() and p.name not in drop}
    files.update(extra or {})
    return FakeRepo(repo_id, files, **meta)


def standard_repos() -> list[FakeRepo]:
    """The catalogue most tests use: two loadable tiny models, a gated copy, a pickle-only
    copy, and metadata-only repos that give search, sort and filters something to rank."""
    from tests.tiny.hubmodels import image_classifier, pickle_weights, text_classifier

    bert, vit = text_classifier(), image_classifier()
    pickle = pickle_weights(bert)
    repos = [
        repo_from_folder("tiny/bert-sentiment", bert, extra={"pytorch_model.bin": pickle},
                         pipeline_tag="text-classification", downloads=1_234_567, likes=420,
                         trending_score=5, last_modified="2024-05-01T10:00:00.000Z"),
        repo_from_folder("tiny/vit-animals", vit, pipeline_tag="image-classification",
                         downloads=98_000, likes=1_500, trending_score=50,
                         last_modified="2024-03-01T10:00:00.000Z", license="mit"),
        repo_from_folder("gated/bert-sentiment", bert, pipeline_tag="text-classification",
                         downloads=10, likes=1, gated="manual", license="llama3"),
        repo_from_folder("legacy/bert-sentiment-bin", bert, extra={"pytorch_model.bin": pickle},
                         drop=("model.safetensors",), pipeline_tag="text-classification",
                         downloads=5, likes=0, last_modified="2020-01-01T00:00:00.000Z"),
    ]
    for i, (lang, task) in enumerate([("fr", "text-classification"), ("de", "text-classification"),
                                      ("en", "image-classification"), ("fr", "fill-mask")]):
        repos.append(FakeRepo(
            f"other/sentiment-{lang}-{i}", {"config.json": b"{}"}, pipeline_tag=task,
            downloads=100 * (i + 1), likes=10 * (4 - i), trending_score=i,
            last_modified=f"2024-0{i + 6}-01T00:00:00.000Z", language=(lang,)))
    return repos


@dataclass
class TokenInfo:
    name: str
    gated_access: bool = False


class FakeHub:
    """The server plus its knobs and logs; start it with :meth:`serving`."""

    def __init__(self, repos: list[FakeRepo]) -> None:
        self.repos = {repo.repo_id: repo for repo in repos}
        self.tokens: dict[str, TokenInfo] = {
            "hf_good": TokenInfo("alice", gated_access=True),
            "hf_nolicence": TokenInfo("bob", gated_access=False),
        }
        self.page_size = 1000
        self.reset()
        self._closing = threading.Event()
        self._connections: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def reset(self) -> None:
        """Clear knobs and logs between tests."""
        self.throttle_bps: int | None = None
        self.fail_after_bytes: int | None = None
        self.requests: list[tuple[str, str]] = []
        self.bytes_served: Counter[str] = Counter()
        self.range_requests: list[tuple[str, str]] = []
        self._failed_once: set[str] = set()

    @classmethod
    @contextmanager
    def serving(cls, repos: list[FakeRepo]) -> Iterator[FakeHub]:
        hub = cls(repos)
        thread = threading.Thread(target=hub._server.serve_forever, name="fakehub", daemon=True)
        thread.start()
        try:
            yield hub
        finally:
            hub._closing.set()
            hub._server.shutdown()
            with hub._lock:
                for conn in hub._connections:
                    with suppress(OSError):
                        conn.shutdown(socket.SHUT_RDWR)
            hub._server.server_close()
            thread.join(timeout=5)

    def downloaded(self, suffix: str = "") -> list[str]:
        """Paths of files fetched with GET, e.g. ``downloaded(".bin")``."""
        return [path for method, path in self.requests
                if method == "GET" and "/resolve/" in path and path.endswith(suffix)]


def _make_handler(hub: FakeHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        timeout = 10

        def setup(self) -> None:
            super().setup()
            with hub._lock:
                hub._connections.add(self.connection)

        def finish(self) -> None:
            with hub._lock:
                hub._connections.discard(self.connection)
            with suppress(OSError):
                super().finish()

        def log_message(self, format: str, *args: Any) -> None:
            return None

        def do_HEAD(self) -> None:
            self._dispatch(head=True)

        def do_GET(self) -> None:
            self._dispatch(head=False)

        # --- plumbing ---------------------------------------------------------------
        def _dispatch(self, head: bool) -> None:
            split = urlsplit(self.path)
            path = unquote(split.path)
            with hub._lock:
                hub.requests.append((self.command, path))
            query = parse_qs(split.query, keep_blank_values=True)
            if path == "/api/models":
                self._search(query)
            elif path == "/api/whoami-v2":
                self._whoami()
            elif path.startswith("/api/models/"):
                self._model_api(path.removeprefix("/api/models/"), query)
            elif "/resolve/" in path:
                self._resolve(path.lstrip("/"), head)
            else:
                self._send_json({"error": "not found"}, 404)

        def _send_json(self, payload: Any, status: int = 200,
                       headers: Mapping[str, str] | None = None) -> None:
            body = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _error(self, status: int, code: str, message: str,
                   extra: Mapping[str, str] | None = None) -> None:
            headers = {"X-Error-Code": code, "X-Error-Message": message, **(extra or {})}
            self._send_json({"error": message}, status, headers)

        def _token(self) -> TokenInfo | None:
            auth = self.headers.get("Authorization", "")
            return hub.tokens.get(auth.removeprefix("Bearer ").strip()) if auth else None

        def _split_repo(self, rest: str) -> tuple[FakeRepo | None, str]:
            """Split ``org/name/more`` into the repo and ``more`` (repo ids may lack an org)."""
            parts = rest.split("/")
            for n in (2, 1):
                repo = hub.repos.get("/".join(parts[:n]))
                if repo is not None and not (repo.private and self._token() is None):
                    return repo, "/".join(parts[n:])
            return None, rest

        def _repo_not_found(self) -> None:
            self._error(404, "RepoNotFound", "Repository not found")

        # --- routes -------------------------------------------------------------------
        def _search(self, query: dict[str, list[str]]) -> None:
            def first(key: str, default: str = "") -> str:
                return query.get(key, [default])[0]

            found = [r for r in hub.repos.values() if not r.private]
            if text := first("search").lower():
                found = [r for r in found if text in r.repo_id.lower()]
            if task := first("pipeline_tag"):
                found = [r for r in found if r.pipeline_tag == task]
            if author := first("author"):
                found = [r for r in found if r.repo_id.split("/")[0] == author]
            for tag in query.get("filter", []):
                found = [r for r in found if tag in r.tags]
            key = {"downloads": "downloads", "likes": "likes", "trendingScore": "trending_score",
                   "lastModified": "last_modified", "createdAt": "last_modified"}.get(first("sort"))
            if key:
                descending = first("direction", "-1") != "1"
                found.sort(key=lambda r: getattr(r, key), reverse=descending)
            limit = int(first("limit", "1000"))
            size = min(limit, hub.page_size)
            start = int(first("cursor", "0"))
            page = found[start : start + size]
            fields = query.get("expand") or ["downloads", "likes", "trendingScore", "private",
                                             "tags", "pipeline_tag", "library_name", "createdAt"]
            headers = {}
            if start + size < len(found):
                params = [(k, v) for k, vs in query.items() if k != "cursor" for v in vs]
                params.append(("cursor", str(start + size)))
                headers["Link"] = f'<{hub.url}/api/models?{urlencode(params)}>; rel="next"'
            self._send_json([r.info(fields=fields) for r in page], headers=headers)

        def _whoami(self) -> None:
            token = self._token()
            if token is None:
                self._error(401, "Unauthorized", "Invalid credentials in Authorization header")
                return
            self._send_json({"type": "user", "name": token.name, "fullname": token.name.title(),
                             "auth": {"type": "access_token",
                                      "accessToken": {"displayName": f"{token.name}-token",
                                                      "role": "read"}}})

        def _model_api(self, rest: str, query: dict[str, list[str]]) -> None:
            repo, more = self._split_repo(rest)
            if repo is None:
                self._repo_not_found()
                return
            kind, _, tail = more.partition("/")
            rev, _, sub = tail.partition("/")
            if kind in ("revision", "tree") and rev not in ("main", repo.sha):
                self._error(404, "RevisionNotFound", f"Invalid rev id: {rev}")
            elif kind == "":
                blobs = query.get("blobs", ["false"])[0].lower() == "true"
                self._send_json(repo.info(blobs=blobs, fields=query.get("expand")))
            elif kind == "revision":
                blobs = query.get("blobs", ["false"])[0].lower() == "true"
                self._send_json(repo.info(blobs=blobs))
            elif kind == "tree":
                prefix = sub.strip("/")
                entries = []
                for path in sorted(repo.files):
                    if prefix and not path.startswith(prefix + "/"):
                        continue
                    entry: dict[str, Any] = {"type": "file", "oid": repo.oid(path),
                                             "size": len(repo.files[path]), "path": path}
                    if repo.is_lfs(path):
                        entry["lfs"] = {"oid": repo.etag(path), "size": len(repo.files[path]),
                                        "pointerSize": 134}
                    entries.append(entry)
                self._send_json(entries)
            else:
                self._send_json({"error": "not found"}, 404)

        def _resolve(self, rest: str, head: bool) -> None:
            repo_part, _, after = rest.partition("/resolve/")
            repo = hub.repos.get(repo_part)
            if repo is None or (repo.private and self._token() is None):
                self._repo_not_found()
                return
            rev, _, path = after.partition("/")
            if rev not in ("main", repo.sha):
                self._error(404, "RevisionNotFound", f"Invalid rev id: {rev}")
                return
            commit = {"X-Repo-Commit": repo.sha}
            if repo.gated:
                token = self._token()
                url = f"https://huggingface.co/{repo.repo_id}"
                if token is None:
                    self._error(401, "GatedRepo", f"Access to model {repo.repo_id} is restricted. "
                                "You must have access to it and be authenticated to access it. "
                                "Please log in.", commit)
                    return
                if not token.gated_access:
                    self._error(403, "GatedRepo", f"Access to model {repo.repo_id} is restricted "
                                f"and you are not in the authorized list. Visit {url} to ask for "
                                "access.", commit)
                    return
            if path not in repo.files:
                self._error(404, "EntryNotFound", f"{path} does not exist on \"{rev}\"", commit)
                return
            self._send_file(repo, path, head, commit)

        def _send_file(self, repo: FakeRepo, path: str, head: bool,
                       commit: Mapping[str, str]) -> None:
            data = repo.files[path]
            start = 0
            range_header = self.headers.get("Range")
            if range_header and range_header.startswith("bytes=") and not head:
                start = int(range_header.removeprefix("bytes=").split("-")[0] or 0)
                with hub._lock:
                    hub.range_requests.append((path, range_header))
            body = data[start:]
            self.send_response(206 if start else 200)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", f'"{repo.etag(path)}"')
            self.send_header("Accept-Ranges", "bytes")
            if start:
                self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
            for key, value in commit.items():
                self.send_header(key, value)
            key = f"{repo.repo_id}/{path}"
            cut = None
            with hub._lock:
                if hub.fail_after_bytes is not None and not start and not head \
                        and key not in hub._failed_once and len(body) > hub.fail_after_bytes:
                    hub._failed_once.add(key)
                    cut = hub.fail_after_bytes
            if cut is not None:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            if head:
                return
            self._stream(key, body if cut is None else body[:cut])

        def _stream(self, key: str, body: bytes) -> None:
            """Write the body in small pieces, pacing them when a throttle is set."""
            piece = 16 * 1024
            started = time.monotonic()
            sent = 0
            while sent < len(body) and not hub._closing.is_set():
                chunk = body[sent : sent + piece]
                try:
                    self.wfile.write(chunk)
                except OSError:
                    self.close_connection = True
                    return
                sent += len(chunk)
                with hub._lock:
                    hub.bytes_served[key] += len(chunk)
                if hub.throttle_bps:
                    delay = sent / hub.throttle_bps - (time.monotonic() - started)
                    if delay > 0:
                        hub._closing.wait(delay)

    return Handler


@pytest.fixture
def fake_hub() -> Iterator[FakeHub]:
    """A fresh fake Hub serving :func:`standard_repos` for one test."""
    with FakeHub.serving(standard_repos()) as hub:
        yield hub
