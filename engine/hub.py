"""Finding models on the Hugging Face Hub: search, details, sign-in, and what a model needs.

Everything goes through the real ``huggingface_hub`` client (``HfApi``) so that its URLs,
headers and errors are the ones users meet; the endpoint, cache folder, offline switch and
token are injected through :class:`HubConfig` (tests point it at a fake Hub on loopback).
``huggingface_hub`` reads ``HF_ENDPOINT``/``HF_HUB_OFFLINE``/``HF_HUB_CACHE`` once, at import;
this module reads them again at each call, so a setting changed while the app runs counts.

Nothing here may hang the app: every request has a bounded timeout, and an unreachable Hub
is detected with one short TCP connect before ``huggingface_hub``'s retry loop (which
would otherwise back off for ~25 s) gets a chance to run. Every failure becomes a
:class:`~engine.errors.PipedeckError` whose message is one sentence a user can act on.
Downloading and the local cache live in :mod:`engine.cache`.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any, Literal, NamedTuple
from urllib.parse import urlsplit

from engine.errors import ModelUnavailable, PipedeckError, UsageError

DEFAULT_ENDPOINT = "https://huggingface.co"
OFFLINE_MESSAGE = "You are offline: showing installed models only."

SortKey = Literal["downloads", "likes", "trending", "updated"]
FitVerdict = Literal["fits", "tight", "too_big"]

_HF_SORT: dict[str, Literal["downloads", "likes", "trending_score", "last_modified"]] = {
    "downloads": "downloads", "likes": "likes", "trending": "trending_score",
    "updated": "last_modified",
}
_EXPAND: list[Any] = ["downloads", "likes", "lastModified", "cardData", "gated", "private",
                      "pipeline_tag", "library_name", "safetensors", "tags"]
DTYPE_BYTES: dict[str, float] = {
    "float64": 8, "f64": 8, "float32": 4, "f32": 4, "float16": 2, "f16": 2, "bfloat16": 2,
    "bf16": 2, "int64": 8, "i64": 8, "int32": 4, "i32": 4, "int8": 1, "i8": 1, "uint8": 1,
    "u8": 1, "bool": 1, "f8_e4m3": 1, "f8_e5m2": 1, "int4": 0.5,
}
# Weight formats transformers pipelines can load; anything else is other frameworks' baggage.
_PICKLE_WEIGHTS = (".bin", ".pt", ".pth", ".ckpt")
_OTHER_WEIGHTS = (".h5", ".msgpack", ".onnx", ".ot", ".gguf", ".tflite", ".mlmodel", ".pb")
_SUPPORT_SUFFIXES = (".json", ".txt", ".model", ".tiktoken", ".jinja", ".md")


class OfflineError(ModelUnavailable):
    """The Hub cannot be used right now: offline mode is on, or it cannot be reached."""


class GatedModel(ModelUnavailable):
    """The model's authors require each user to accept a licence on the Hub first."""

    def __init__(self, repo_id: str, url: str, *, logged_in: bool) -> None:
        self.repo_id = repo_id
        self.url = url
        step = "" if logged_in else "sign in with a Hugging Face token and "
        super().__init__(f"'{repo_id}' is gated: {step}accept its licence at {url}, "
                         "then try again.")


class PickleOnlyModel(ModelUnavailable):
    """Only pickle weights (``.bin``) exist; loading them can run code, so ask the user first.

    The GUI turns this into a consent question and retries with ``allow_pickle=True``.
    """

    def __init__(self, repo_id: str, files: tuple[str, ...]) -> None:
        self.repo_id = repo_id
        self.files = files
        super().__init__(f"'{repo_id}' only has PyTorch pickle weights ({', '.join(files)}), "
                         "which can run code when loaded: download them only if you trust "
                         "its authors.")


@dataclass(frozen=True, slots=True)
class HubConfig:
    """Where the Hub is and how to reach it; ``None`` fields fall back to the environment."""

    endpoint: str | None = None
    cache_dir: Path | None = None
    offline: bool = False
    token: str | None = None
    timeout_s: float = 10.0

    @property
    def resolved_endpoint(self) -> str:
        endpoint = self.endpoint or os.environ.get("HF_ENDPOINT") or DEFAULT_ENDPOINT
        return endpoint.rstrip("/")

    def model_url(self, repo_id: str) -> str:
        return f"{self.resolved_endpoint}/{repo_id}"


def resolve_cache_dir(cache_dir: str | Path | None = None) -> Path:
    """The Hub cache folder: explicit, else ``HF_HUB_CACHE``, else ``HF_HOME/hub``, else default."""
    if cache_dir is not None:
        return Path(cache_dir).expanduser()
    if env := os.environ.get("HF_HUB_CACHE") or os.environ.get("HUGGINGFACE_HUB_CACHE"):
        return Path(env).expanduser()
    if home := os.environ.get("HF_HOME"):
        return Path(home).expanduser() / "hub"
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg).expanduser() / "huggingface" / "hub"


def is_offline(setting: bool = False) -> bool:
    """True when Pipedeck's own setting or ``HF_HUB_OFFLINE``/``TRANSFORMERS_OFFLINE`` says so."""
    if setting:
        return True
    return any(os.environ.get(name, "").strip().upper() in {"1", "ON", "YES", "TRUE"}
               for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"))


# --- values shown in the picker ------------------------------------------------------------

def human_size(n: float | None) -> str:
    """Bytes in decimal units with three significant digits: '420 MB', '1.71 MB', '12 kB'."""
    if n is None:
        return "?"
    for unit in ("B", "kB", "MB", "GB", "TB"):
        if abs(n) < 1000 or unit == "TB":
            break
        n /= 1000
    if unit == "B":
        return f"{int(n)} B"
    return f"{n:.3g} {unit}" if n < 100 else f"{n:.0f} {unit}"


def human_count(n: int | None) -> str:
    """'1.2 M', '98 k', '420': counts as people skim them."""
    if n is None:
        return "?"
    for limit, unit in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if n >= limit:
            value = n / limit
            return f"{value:.1f} {unit}" if value < 10 else f"{value:.0f} {unit}"
    return str(n)


def human_duration(seconds: float) -> str:
    """'0:07', '1:20', '1:02:03'."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def weights_bytes(parameters_by_dtype: dict[str, int]) -> int:
    """Size of safetensors weights from the Hub's per-dtype parameter counts."""
    return int(sum(n * DTYPE_BYTES.get(dtype.lower(), 4)
                   for dtype, n in parameters_by_dtype.items()))


@dataclass(frozen=True, slots=True)
class ModelSummary:
    """One search result, everything the picker's table shows."""

    id: str
    url: str
    downloads: int | None
    likes: int | None
    last_modified: datetime | None
    license: str | None
    gated: bool
    private: bool
    pipeline_tag: str | None
    library_name: str | None
    size_bytes: int | None
    parameters: int | None

    @property
    def downloads_str(self) -> str:
        return f"{human_count(self.downloads)} downloads"

    @property
    def likes_str(self) -> str:
        return f"{human_count(self.likes)} likes"

    @property
    def size_str(self) -> str:
        return human_size(self.size_bytes)

    @property
    def parameters_str(self) -> str:
        return "?" if self.parameters is None else f"{human_count(self.parameters)} parameters"

    @property
    def last_modified_str(self) -> str:
        return self.last_modified.date().isoformat() if self.last_modified else "?"


@dataclass(frozen=True, slots=True)
class RepoFileInfo:
    path: str
    size: int | None

    @property
    def size_str(self) -> str:
        return human_size(self.size)


@dataclass(frozen=True, slots=True)
class ModelDetails:
    """The details pane: card, files, licence, and what a download would fetch."""

    summary: ModelSummary
    sha: str | None
    card_markdown: str
    files: tuple[RepoFileInfo, ...]
    download_files: tuple[str, ...]
    needs_pickle_consent: bool

    @property
    def id(self) -> str:
        return self.summary.id

    @property
    def url(self) -> str:
        return self.summary.url

    @property
    def license(self) -> str | None:
        return self.summary.license

    @property
    def task(self) -> str | None:
        return self.summary.pipeline_tag

    @property
    def parameters(self) -> int | None:
        return self.summary.parameters

    @property
    def download_bytes(self) -> int:
        sizes = {f.path: f.size or 0 for f in self.files}
        return sum(sizes.get(path, 0) for path in self.download_files)

    @property
    def download_str(self) -> str:
        return human_size(self.download_bytes)


class FitHint(NamedTuple):
    verdict: FitVerdict
    message: str


def estimate_memory(parameters: int, dtype: str = "float32") -> int:
    """Rough memory to run a model: its weights plus ~20 % for activations and buffers."""
    per = DTYPE_BYTES.get(dtype.lower().removeprefix("torch."))
    if per is None:
        raise UsageError(f"Unknown number format '{dtype}'.")
    return int(parameters * per * 1.2)


def fit_hint(needed_bytes: int, free_bytes: int) -> FitHint:
    """Whether a model will fit in the memory that is free, in one plain sentence."""
    from engine.memory import fit_verdict

    needed, free = human_size(needed_bytes), human_size(free_bytes)
    verdict = fit_verdict(needed_bytes, free_bytes)
    if verdict == "fits":
        return FitHint("fits", f"Fits: needs about {needed} of the {free} free.")
    if verdict == "tight":
        return FitHint("tight", f"Tight: needs about {needed} of the {free} free; "
                                "close other programs first.")
    return FitHint("too_big", f"Too big: needs about {needed} but only {free} is free.")


def available_memory() -> int | None:
    """Memory the system can give a new model now, or None where it cannot be read."""
    from engine.memory import free_memory

    return free_memory("cpu")


# --- which files a pipeline needs ----------------------------------------------------------

def pipeline_files(paths: Iterable[str], repo_id: str, *, allow_pickle: bool = False,
                   ) -> tuple[str, ...]:
    """The files a transformers pipeline needs: configs, tokenizer/processor files, weights.

    Safetensors are always preferred; other frameworks' weights (TF, Flax, ONNX, GGUF...)
    are never fetched. Pickle weights are only taken with ``allow_pickle`` (after the user
    agreed), because unpickling can run code; otherwise :class:`PickleOnlyModel` is raised.
    """
    top = [p for p in paths if "/" not in p]
    support = [p for p in top if p.endswith(_SUPPORT_SUFFIXES)]
    safetensors = [p for p in top if p.endswith(".safetensors")]
    if any(not p.startswith("consolidated") for p in safetensors):
        # Mistral-style repos ship the same weights twice; transformers reads the shards.
        safetensors = [p for p in safetensors if not p.startswith("consolidated")]
    if safetensors:
        return tuple(sorted([*support, *safetensors]))
    pickles = tuple(p for p in top if p.endswith(_PICKLE_WEIGHTS) and "training_args" not in p)
    if pickles:
        if not allow_pickle:
            raise PickleOnlyModel(repo_id, pickles)
        return tuple(sorted([*support, *pickles]))
    others = sorted(p for p in top if p.endswith(_OTHER_WEIGHTS))
    found = f" (it has {', '.join(others)})" if others else ""
    raise ModelUnavailable(f"'{repo_id}' has no weights that transformers can load{found}.")


# --- talking to the Hub ---------------------------------------------------------------------

_http_lock = threading.Lock()
_http_configured = False
DOWNLOAD_CHUNK_BYTES = 256 * 1024


def configure_http() -> None:
    """Give ``huggingface_hub``'s shared HTTP client bounded timeouts, once per process.

    Its default client waits forever on a silent server. Download chunks are also made
    small (256 KiB instead of 10 MiB) so progress moves and a cancel lands within ~1 s.
    """
    global _http_configured
    with _http_lock:
        if _http_configured:
            return
        import httpx2
        from huggingface_hub import constants
        from huggingface_hub.utils import _http

        default_factory = _http.default_client_factory

        def bounded_client() -> httpx2.Client:
            client = default_factory()
            client.timeout = httpx2.Timeout(30.0, connect=10.0)
            return client

        _http.set_client_factory(bounded_client)
        constants.DOWNLOAD_CHUNK_SIZE = DOWNLOAD_CHUNK_BYTES
        _http_configured = True


def ensure_reachable(config: HubConfig) -> None:
    """Fail fast with :class:`OfflineError` when the Hub's host does not accept connections.

    Skipped when a proxy is configured (the proxy, not the host, is what we would reach).
    """
    if is_offline(config.offline):
        raise OfflineError(OFFLINE_MESSAGE)
    parts = urlsplit(config.resolved_endpoint)
    scheme = parts.scheme or "https"
    if urllib.request.getproxies().get(scheme) or not parts.hostname:
        return
    port = parts.port or (443 if scheme == "https" else 80)
    try:
        socket.create_connection((parts.hostname, port), timeout=min(config.timeout_s, 5.0)).close()
    except OSError as error:
        raise unreachable(config) from error


def unreachable(config: HubConfig, *, installed_only: bool = True) -> OfflineError:
    host = urlsplit(config.resolved_endpoint).netloc or config.resolved_endpoint
    tail = "showing installed models only." if installed_only else "check your connection."
    return OfflineError(f"The Hub ({host}) cannot be reached: {tail}")


def api(config: HubConfig) -> Any:
    """An ``HfApi`` bound to the configured endpoint and token (imported lazily)."""
    from huggingface_hub import HfApi

    configure_http()
    return HfApi(endpoint=config.resolved_endpoint, token=config.token,
                 library_name="pipedeck")


def translate_error(error: BaseException, config: HubConfig, repo_id: str | None = None,
                    ) -> PipedeckError | None:
    """The user-facing error for a ``huggingface_hub``/network failure, or None if unknown."""
    import httpx2
    from huggingface_hub import errors as hf

    name = f"'{repo_id}'" if repo_id else "The model"
    if isinstance(error, PipedeckError):
        return error
    if isinstance(error, hf.GatedRepoError) and repo_id:
        return GatedModel(repo_id, config.model_url(repo_id),
                          logged_in=error.response.status_code == 403)
    if isinstance(error, hf.RevisionNotFoundError):
        return ModelUnavailable(f"{name} has no such version on the Hub.")
    if isinstance(error, hf.RepositoryNotFoundError):
        return ModelUnavailable(f"{name} is not on the Hub (or it is private: sign in to see it).")
    if isinstance(error, hf.OfflineModeIsEnabled):
        return OfflineError(OFFLINE_MESSAGE)
    if isinstance(error, (hf.LocalEntryNotFoundError, httpx2.TransportError)):
        return unreachable(config)
    if isinstance(error, hf.HfHubHTTPError):
        status = error.response.status_code
        if status == 401:
            return ModelUnavailable("The Hub refused the request: sign in again with a "
                                    "valid token.")
        if status >= 500 or status == 429:
            return ModelUnavailable(f"The Hub is busy or down (HTTP {status}): try again later.")
        return ModelUnavailable(f"The Hub answered HTTP {status} for {name}.")
    return None


@contextmanager
def hub_errors(config: HubConfig, repo_id: str | None = None) -> Iterator[None]:
    """Turn ``huggingface_hub`` and network exceptions into :class:`PipedeckError`."""
    try:
        yield
    except Exception as error:
        translated = translate_error(error, config, repo_id)
        if translated is None or translated is error:
            raise
        raise translated from error


def _summary(info: Any, config: HubConfig) -> ModelSummary:
    card = info.card_data.to_dict() if info.card_data is not None else {}
    license_ = card.get("license")
    if license_ is None:
        license_ = next((t.removeprefix("license:") for t in info.tags or []
                         if t.startswith("license:")), None)
    parameters = size = None
    if info.safetensors is not None:
        parameters = info.safetensors.total
        size = weights_bytes(info.safetensors.parameters)
    return ModelSummary(
        id=info.id, url=config.model_url(info.id), downloads=info.downloads, likes=info.likes,
        last_modified=info.last_modified,
        license=license_ if isinstance(license_, str) else None,
        gated=bool(info.gated), private=bool(info.private), pipeline_tag=info.pipeline_tag,
        library_name=info.library_name, size_bytes=size, parameters=parameters,
    )


def search_models(query: str = "", *, task: str | None = None, sort: SortKey = "downloads",
                  language: str | None = None, library: str | None = "transformers",
                  limit: int = 20, page: int = 0, config: HubConfig | None = None,
                  ) -> list[ModelSummary]:
    """One page of Hub models matching ``query``, best first by ``sort``.

    ``page`` counts from 0; the Hub pages by cursor, so page *n* walks the first *n* pages.
    """
    config = config or HubConfig()
    if sort not in _HF_SORT:
        raise UsageError(f"Unknown sort '{sort}': use one of {', '.join(_HF_SORT)}.")
    if limit < 1 or page < 0:
        raise UsageError("The page size must be at least 1 and the page number at least 0.")
    ensure_reachable(config)
    filters = [tag for tag in (library, language) if tag]
    with hub_errors(config):
        found = api(config).list_models(
            search=query or None, pipeline_tag=task, filter=filters or None,
            sort=_HF_SORT[sort], limit=limit * (page + 1), expand=_EXPAND,
        )
        return [_summary(info, config) for info in islice(found, limit * page, None)]


def _strip_front_matter(text: str) -> str:
    match = re.match(r"^---\s*\n.*?\n---\s*\n", text, flags=re.DOTALL)
    return text[match.end():].lstrip() if match else text


def fetch_card(repo_id: str, config: HubConfig, revision: str | None = None) -> str:
    """The model card's markdown without its YAML header; '' when the repo has none."""
    from huggingface_hub import get_session, hf_hub_url, hf_raise_for_status
    from huggingface_hub.errors import EntryNotFoundError, GatedRepoError
    from huggingface_hub.utils import build_hf_headers  # type: ignore[attr-defined]

    configure_http()
    url = hf_hub_url(repo_id, "README.md", revision=revision, endpoint=config.resolved_endpoint)
    response = get_session().get(url, headers=build_hf_headers(token=config.token),
                                 timeout=config.timeout_s)
    try:
        hf_raise_for_status(response)
    except (EntryNotFoundError, GatedRepoError):  # gated: files wait for the licence
        return ""
    return _strip_front_matter(response.text)


def model_details(repo_id: str, *, revision: str | None = None,
                  config: HubConfig | None = None) -> ModelDetails:
    """Card, files with sizes, licence, task and parameter count of one Hub model."""
    config = config or HubConfig()
    ensure_reachable(config)
    with hub_errors(config, repo_id):
        info = api(config).model_info(repo_id, revision=revision, files_metadata=True,
                                      timeout=config.timeout_s)
        files = tuple(RepoFileInfo(s.rfilename, s.size) for s in info.siblings or [])
        try:
            chosen, consent = pipeline_files([f.path for f in files], repo_id), False
        except PickleOnlyModel:
            chosen = pipeline_files([f.path for f in files], repo_id, allow_pickle=True)
            consent = True
        except ModelUnavailable:
            chosen, consent = (), False
        card = fetch_card(repo_id, config, revision) if any(
            f.path == "README.md" for f in files) else ""
    return ModelDetails(summary=_summary(info, config), sha=info.sha, card_markdown=card,
                        files=files, download_files=chosen, needs_pickle_consent=consent)


# --- signing in ----------------------------------------------------------------------------

def whoami(*, config: HubConfig | None = None) -> str | None:
    """The signed-in user's name, or None when no token is stored or the Hub rejects it."""
    from huggingface_hub import get_token
    from huggingface_hub.errors import HfHubHTTPError

    config = config or HubConfig()
    if config.token is None and get_token() is None:
        return None  # nothing to ask the Hub about
    ensure_reachable(config)
    with hub_errors(config):
        try:
            return str(api(config).whoami()["name"])
        except HfHubHTTPError as error:
            if error.response.status_code in (401, 403):
                return None
            raise


def login(token: str, *, config: HubConfig | None = None) -> str:
    """Check ``token`` with the Hub and store it where ``huggingface_hub`` keeps tokens.

    Returns the user name. The token is not added to git credentials.
    """
    from huggingface_hub import login as hf_login
    from huggingface_hub.errors import HfHubHTTPError

    config = config or HubConfig()
    token = token.strip()
    if not token:
        raise UsageError("Paste a Hugging Face access token to sign in.")
    ensure_reachable(config)
    try:
        with hub_errors(config):
            name = str(api(config).whoami(token=token)["name"])
    except (HfHubHTTPError, ModelUnavailable) as error:
        if isinstance(error, OfflineError):
            raise
        raise PipedeckError("The Hub rejected this token: check that it was copied whole.") \
            from error
    try:
        hf_login(token=token, add_to_git_credential=False)
    except ValueError as error:  # organisation tokens
        raise PipedeckError(str(error)) from error
    return name


def logout() -> None:
    """Forget every token ``huggingface_hub`` stored on this computer."""
    from huggingface_hub import logout as hf_logout

    try:
        hf_logout()
    except OSError as error:  # still signed in through HF_TOKEN
        raise PipedeckError("Signed out, but the HF_TOKEN environment variable still "
                            "signs you in: remove it to sign out fully.") from error
