"""The link checker's policy: one TOML file (scripts/linkcheck/policy.toml) read into typed settings.

`[defaults]` holds the engine's limits; `[hosts."name"]` holds rules for one host and its
subdomains (the most specific name wins). Every bad value stops the run with one message that
names the file and the key, because a silently ignored typo in a politeness rule is how a
checker ends up hammering a site.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import Field, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, get_args, get_type_hints
from urllib.parse import urlsplit

CONFIG = Path(__file__).with_name("policy.toml")
METHODS = ("get", "head")


class ConfigError(Exception):
    """A bad policy file: the message names the file and the key."""


def setting(
    default: Any, help: str = "", *, minimum: float | None = 0, maximum: float | None = None, choices: tuple[str, ...] = ()
) -> Any:
    """A policy key: its one default, what it means, and what values it accepts."""
    return field(default=default, metadata={"help": help, "minimum": minimum, "maximum": maximum, "choices": choices})


@dataclass(frozen=True)
class Settings:
    """Engine limits, each with the one default the checker uses. Times are in seconds.
    scripts/linkcheck/policy.toml's [defaults] changes them for this project."""

    concurrency: int = setting(64, "requests in flight overall", minimum=1)
    per_host: int = setting(4, "requests in flight to one host", minimum=1)
    interval: float = setting(0.0, "minimum gap between request starts to one host")
    method: str = setting("get", '"get": one streamed GET; "head": HEAD, then GET if HEAD is not 2xx', choices=METHODS)
    retries: int = setting(3, "extra attempts after a retryable failure")
    backoff: float = setting(0.5, "first retry delay; doubled each retry, with jitter")
    backoff_cap: float = setting(8.0, "longest retry delay")
    retry_after_cap: float = setting(30.0, "longest Retry-After we wait for; a longer one ends that URL's retries (warn)")
    connect_timeout: float = setting(10.0, "one connection")
    attempt_timeout: float = setting(20.0, "one request, body read included")
    deadline: float = setting(60.0, "one URL's requests in flight, all attempts together; waits for politeness do not count")
    max_redirects: int = setting(10, "redirect hops followed", minimum=1)
    sniff_bytes: int = setting(65536, "body read to recognise a soft 404", minimum=1)
    max_body: int = setting(5_000_000, "body read when looking for a #fragment", minimum=1)
    user_agent: str = setting("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36")
    accept: str = setting("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    accept_language: str = setting("en-US,en;q=0.8")
    title_agreement: float = setting(
        0.8, "share of significant words an entry's title and its paper's title must have in common, of each title",
        minimum=0, maximum=1,
    )


@dataclass(frozen=True)
class HostRule:
    """What one host (and its subdomains) gets: exclusion, bot-wall leniency, its own pace."""

    host: str = ""
    exclude: bool = setting(False, "never requested")
    bot_wall: bool = setting(False, '403 and 999 mean "blocked a robot", not "gone": warn')
    per_host: int | None = setting(None, "requests in flight to this host", minimum=1)
    interval: float | None = setting(None, "minimum gap between request starts to this host")
    method: str | None = setting(None, "as [defaults].method", choices=METHODS)
    ignore_fragments: bool = setting(False, "anchors made by JavaScript are invisible to us")
    token_env: str | None = setting(None, "environment variable holding a bearer token for this host")
    moves_to: str | None = setting(None, 'the site its links are expected to end on after redirects ("*": any)')
    reason: str = setting("", "why the rule exists, shown when it excludes a URL")

    def token(self) -> str | None:
        return os.environ.get(self.token_env) or None if self.token_env else None


@dataclass(frozen=True)
class Services:
    """[services]: where each service the checker asks about links answers."""

    arxiv_api: str = setting("https://export.arxiv.org/api/query", "arXiv's export API; ?id_list=…&max_results=… is added")
    youtube_oembed: str = setting("https://www.youtube.com/oembed", "YouTube's oEmbed endpoint; ?url=…&format=json is added")
    github_api: str = setting("https://api.github.com", "GitHub's REST API; /repos/OWNER/REPO is added")
    wayback_api: str = setting("https://archive.org/wayback/available", "the Wayback Machine's availability API; ?url=…&timestamp=… is added")


@dataclass(frozen=True)
class Policy:
    settings: Settings = field(default_factory=Settings)
    hosts: dict[str, HostRule] = field(default_factory=dict)
    services: Services = field(default_factory=Services)

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


WANTED = {float: "a number", int: "an integer", bool: "true or false", str: "a string"}


def _check_value(value: Any, kind: type, spec: Field[Any], where: str) -> Any:
    """Validate one TOML value against its field's type and metadata; ints are accepted for numbers."""
    accepted = (int, float) if kind is float else (kind,)
    if not isinstance(value, accepted) or (kind is not bool and isinstance(value, bool)):
        raise ConfigError(f"{where}: must be {WANTED[kind]}, got {value!r}")
    minimum, maximum, choices = spec.metadata["minimum"], spec.metadata["maximum"], spec.metadata["choices"]
    if kind in (int, float) and minimum is not None and value < minimum:
        raise ConfigError(f"{where}: must be {'an integer' if kind is int else 'a number'} ≥ {minimum:g}, got {value!r}")
    if kind in (int, float) and maximum is not None and value > maximum:
        raise ConfigError(f"{where}: must be {'an integer' if kind is int else 'a number'} ≤ {maximum:g}, got {value!r}")
    if choices and value not in choices:
        raise ConfigError(f"{where}: must be one of {', '.join(choices)}, got {value!r}")
    return float(value) if kind is float else value


def _build(cls: type, table: Any, where: str) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table")
    hints = get_type_hints(cls)
    known = {f.name: f for f in fields(cls) if f.metadata}
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in known:
            raise ConfigError(f"{where}.{key}: unknown key (known: {', '.join(sorted(known))})")
        kind = next(arg for arg in get_args(hints[key]) or (hints[key],) if arg is not type(None))
        values[key] = _check_value(value, kind, known[key], f"{where}.{key}")
    return values


def parse_policy(data: dict[str, Any], source: str) -> Policy:
    unknown = set(data) - {"defaults", "hosts", "services"}
    if unknown:
        raise ConfigError(f"{source}: unknown table [{sorted(unknown)[0]}] (known: [defaults], [services], [hosts.\"name\"])")
    settings = Settings(**_build(Settings, data.get("defaults", {}), f"{source}: defaults"))
    hosts: dict[str, HostRule] = {}
    host_tables = data.get("hosts", {})
    if not isinstance(host_tables, dict):
        raise ConfigError(f"{source}: hosts: must be a table of [hosts.\"name\"] tables")
    for name, table in host_tables.items():
        where = f'{source}: hosts."{name}"'
        if name != name.lower() or "/" in name or not name.strip("."):
            raise ConfigError(f"{where}: a host name is lower case with no scheme or path, like \"arxiv.org\"")
        hosts[name] = HostRule(host=name, **_build(HostRule, table, where))
    services = Services(**_build(Services, data.get("services", {}), f"{source}: services"))
    for name in (f.name for f in fields(Services)):
        if not getattr(services, name).startswith(("http://", "https://")):
            raise ConfigError(f"{source}: services.{name}: must be an http(s) URL, got {getattr(services, name)!r}")
    return Policy(settings, hosts, services)


def load_policy(path: Path | str = CONFIG) -> Policy:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such policy file") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    return parse_policy(data, str(path))
