"""The link checker's policy: one TOML file (scripts/linkcheck.toml) read into typed settings.

`[defaults]` holds the engine's limits; `[hosts."name"]` holds rules for one host and its
subdomains (the most specific name wins). Every bad value stops the run with one message that
names the file and the key, because a silently ignored typo in a politeness rule is how a
checker ends up hammering a site.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scripts.paths import ROOT

CONFIG = ROOT / "scripts" / "linkcheck.toml"
METHODS = ("get", "head")


class ConfigError(Exception):
    """A bad policy file: the message names the file and the key."""


@dataclass(frozen=True)
class Settings:
    """Engine limits. Times are in seconds."""

    concurrency: int = 64  # requests in flight overall
    per_host: int = 4  # requests in flight to one host
    interval: float = 0.0  # minimum gap between request starts to one host
    method: str = "get"  # "get": one streamed GET; "head": HEAD, then GET if HEAD is not 2xx
    retries: int = 3  # extra attempts after a retryable failure
    backoff: float = 0.5  # first retry delay; doubled each retry, with jitter
    backoff_cap: float = 8.0
    retry_after_cap: float = 30.0  # longest Retry-After we honour; longer ones are clamped
    connect_timeout: float = 10.0
    attempt_timeout: float = 20.0  # one request, body read included
    deadline: float = 60.0  # one URL, every attempt and wait included
    max_redirects: int = 10
    sniff_bytes: int = 65536  # body read to recognise a soft 404
    max_body: int = 5_000_000  # body read when looking for a #fragment
    user_agent: str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
    accept: str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    accept_language: str = "en-US,en;q=0.8"


@dataclass(frozen=True)
class HostRule:
    """What one host (and its subdomains) gets: exclusion, bot-wall leniency, its own pace."""

    host: str = ""
    exclude: bool = False
    bot_wall: bool = False  # 403 and 999 mean "blocked a robot", not "gone": warn
    per_host: int | None = None
    interval: float | None = None
    method: str | None = None
    ignore_fragments: bool = False  # anchors made by JavaScript are invisible to us
    token_env: str | None = None  # environment variable holding a bearer token for this host
    reason: str = ""

    def token(self) -> str | None:
        return os.environ.get(self.token_env) or None if self.token_env else None


@dataclass(frozen=True)
class Policy:
    settings: Settings = field(default_factory=Settings)
    hosts: dict[str, HostRule] = field(default_factory=dict)

    def rule(self, host: str) -> HostRule:
        """The rule of the most specific configured name that `host` equals or ends with."""
        host = host.lower().rstrip(".")
        while host:
            if host in self.hosts:
                return self.hosts[host]
            host = host.partition(".")[2]
        return HostRule()

    def exclusion(self, url: str) -> str:
        """Why `url` is not requested at all, or "" when it is."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return "not an http(s) URL"
        rule = self.rule(parts.hostname)
        return (rule.reason or f"{rule.host} is excluded by the policy") if rule.exclude else ""

    def per_host(self, host: str) -> int:
        return self.rule(host).per_host or self.settings.per_host

    def interval(self, host: str) -> float:
        chosen = self.rule(host).interval
        return self.settings.interval if chosen is None else chosen

    def method(self, host: str) -> str:
        return self.rule(host).method or self.settings.method

    def with_settings(self, **changes: Any) -> Policy:
        return replace(self, settings=replace(self.settings, **changes))


def _check_value(value: Any, expected: Any, where: str) -> Any:
    """Validate one TOML value against a dataclass field's type; ints are accepted for floats."""
    kind = expected if isinstance(expected, str) else getattr(expected, "__name__", str(expected))
    if "float" in kind and isinstance(value, (int, float)) and not isinstance(value, bool):
        if value < 0:
            raise ConfigError(f"{where}: must be a number ≥ 0, got {value!r}")
        return float(value)
    if "int" in kind and isinstance(value, int) and not isinstance(value, bool):
        if value < 1 and "retries" not in where:
            raise ConfigError(f"{where}: must be an integer ≥ 1, got {value!r}")
        if value < 0:
            raise ConfigError(f"{where}: must be an integer ≥ 0, got {value!r}")
        return value
    if "bool" in kind and isinstance(value, bool):
        return value
    if "str" in kind and isinstance(value, str):
        if where.endswith(".method") and value not in METHODS:
            raise ConfigError(f"{where}: must be one of {', '.join(METHODS)}, got {value!r}")
        return value
    wanted = {"float": "a number", "int": "an integer", "bool": "true or false", "str": "a string"}
    raise ConfigError(f"{where}: must be {wanted[kind.split(' ')[0]]}, got {value!r}")


def _build(cls: type, table: Any, where: str, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table")
    known = {f.name: f.type for f in fields(cls) if f.name not in skip}
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in known:
            raise ConfigError(f"{where}.{key}: unknown key (known: {', '.join(sorted(known))})")
        values[key] = _check_value(value, known[key], f"{where}.{key}")
    return values


def parse_policy(data: dict[str, Any], source: str) -> Policy:
    unknown = set(data) - {"defaults", "hosts"}
    if unknown:
        raise ConfigError(f"{source}: unknown table [{sorted(unknown)[0]}] (known: [defaults], [hosts.\"name\"])")
    settings = Settings(**_build(Settings, data.get("defaults", {}), f"{source}: defaults"))
    hosts: dict[str, HostRule] = {}
    host_tables = data.get("hosts", {})
    if not isinstance(host_tables, dict):
        raise ConfigError(f"{source}: hosts: must be a table of [hosts.\"name\"] tables")
    for name, table in host_tables.items():
        where = f'{source}: hosts."{name}"'
        if name != name.lower() or "/" in name or not name.strip("."):
            raise ConfigError(f"{where}: a host name is lower case with no scheme or path, like \"arxiv.org\"")
        hosts[name] = HostRule(host=name, **_build(HostRule, table, where, skip=("host",)))
    return Policy(settings, hosts)


def load_policy(path: Path | str = CONFIG) -> Policy:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such policy file") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    return parse_policy(data, str(path))
