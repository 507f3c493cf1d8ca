"""Settings: one pydantic-settings class, defaults from `config/settings.toml`, secrets only from the environment."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    Field,
    NonNegativeInt,
    PositiveInt,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)
from pydantic_settings import SettingsError as SourceError

from bot.errors import PodiumError, hide_password

ROOT = Path(__file__).resolve().parent.parent
CONFIG_FILE = ROOT / "config" / "settings.toml"


class SettingsError(PodiumError):
    """A setting (from the environment, `.env` or the TOML file) has a value the bot cannot run with."""


# Seconds and seeds: finite and within what a game can use (no `inf`, no negative waits, no seed past 64 bits).
Seconds = Annotated[float, Field(allow_inf_nan=False)]
MAX_SEED = 2**63 - 1
LOG_LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")


def _url(value: str | None, schemes: tuple[str, str], example: str) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value.strip())
    if parts.scheme not in schemes or not parts.hostname:
        raise ValueError(
            f"must be a {schemes[0]}:// or {schemes[1]}:// URL such as {example}, not {hide_password(value)!r}"
        )
    return value.strip().rstrip("/")


class DiscordSettings(BaseModel):
    # Unset means the real Discord; set both to run behind a REST proxy and a gateway proxy (or a loopback test).
    api_base_url: str | None = None
    gateway_url: str | None = None
    dev_guild_ids: list[PositiveInt] = Field(default_factory=list)
    sync_on_start: bool = False
    shard_count: PositiveInt | None = None
    shard_ids: list[NonNegativeInt] | None = None
    message_content: bool = False
    # Questions asked by mentioning the bot (needs the guild messages intent, not privileged).
    ask_by_mention: bool = True
    cooldown_rate: int = Field(default=5, ge=1, le=1000)
    cooldown_seconds: Seconds = Field(default=30.0, gt=0, le=86_400)

    @field_validator("api_base_url")
    @classmethod
    def _rest_url(cls, value: str | None) -> str | None:
        return _url(value, ("http", "https"), "http://127.0.0.1:8080/api/v10")

    @field_validator("gateway_url")
    @classmethod
    def _gateway_url(cls, value: str | None) -> str | None:
        return _url(value, ("ws", "wss"), "ws://127.0.0.1:8081")

    @field_validator("shard_ids")
    @classmethod
    def _shard_ids(cls, value: list[int] | None, info: ValidationInfo) -> list[int] | None:
        """Which of `shard_count` shards this process runs: needs the count, each id below it, once."""
        if value is None or "shard_count" not in info.data:  # no list, or a count that is itself wrong
            return value
        count = info.data["shard_count"]
        if count is None:
            raise ValueError("shard_ids needs shard_count too (the total number of shards of the bot)")
        if not value:
            raise ValueError("list at least one shard id, or leave shard_ids unset to run every shard")
        if any(i >= count for i in value):
            raise ValueError(f"shard ids run from 0 to {count - 1} with shard_count {count}")
        if len(set(value)) != len(value):
            raise ValueError("a shard id is listed twice")
        return value


class QuizSettings(BaseModel):
    database_url: str = "sqlite+aiosqlite:///var/podium.sqlite3"
    default_questions: int = Field(default=10, ge=1, le=50)
    default_seconds: int = Field(default=20, ge=5, le=300)
    # After each question: how long the answer shows before the next one; countdown edits at most this often.
    reveal_seconds: Seconds = Field(default=5.0, ge=0, le=300)
    countdown_seconds: Seconds = Field(default=5.0, gt=0, le=300)
    # A fixed seed makes every game's questions reproducible (tests, demos); unset, each game draws its own.
    seed: int | None = Field(default=None, ge=0, le=MAX_SEED)


class Settings(BaseSettings):
    """Env names use the `PODIUM_` prefix and `__` for nesting (`PODIUM_DISCORD__GATEWAY_URL`);
    the token is read from `DISCORD_TOKEN` (or `PODIUM_DISCORD_TOKEN`) and never written anywhere."""

    model_config = SettingsConfigDict(env_prefix="PODIUM_", env_nested_delimiter="__", env_file=".env", extra="ignore")

    data_dir: Path = ROOT / "data" / "pages"
    cache_dir: Path = ROOT / "var" / "cache"
    history_file: Path = ROOT / "var" / "console_history"
    log_level: str = "INFO"
    discord_token: SecretStr | None = Field(default=None, validation_alias="DISCORD_TOKEN")
    discord: DiscordSettings = Field(default_factory=DiscordSettings)
    quiz: QuizSettings = Field(default_factory=QuizSettings)

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}, not {value!r}")
        return level

    @field_validator("data_dir", "cache_dir", "history_file", mode="before")
    @classmethod
    def _path(cls, value: Any) -> Any:
        # An empty value would be the current folder (`Path("")`): the project root read as pages, say.
        if isinstance(value, str) and not value.strip():
            raise ValueError("is empty: give a path, or unset it for the default")
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=_config_file())
        return (init_settings, env_settings, dotenv_settings, toml)


def _config_file() -> Path:
    return Path(os.environ.get("PODIUM_CONFIG", CONFIG_FILE))


def load_settings(**overrides: object) -> Settings:
    """Settings from (highest first) arguments, environment, `.env`, then the TOML file. `SettingsError`, one line
    naming each bad setting and its environment variable, when a value cannot be used."""
    _check_config_file()
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as err:
        raise SettingsError(settings_problems(err)) from None
    except SourceError as err:  # a value that is not even JSON where a list or table is wanted
        raise SettingsError(_source_problem(err)) from None


def _check_config_file() -> None:
    """The TOML file named by PODIUM_CONFIG must exist and be TOML (pydantic-settings would skip a missing one and
    raise a bare decode error for a bad one)."""
    path = _config_file()
    where = "PODIUM_CONFIG" if "PODIUM_CONFIG" in os.environ else "the settings file"
    try:
        with path.open("rb") as file:
            tomllib.load(file)
    except FileNotFoundError:
        if "PODIUM_CONFIG" in os.environ:
            raise SettingsError(f"Bad setting: {where} names {str(path)!r}, which does not exist.") from None
    except (OSError, UnicodeDecodeError) as err:
        raise SettingsError(f"Bad setting: cannot read {where} {str(path)!r}: {err}.") from None
    except tomllib.TOMLDecodeError as err:
        raise SettingsError(f"Bad setting: {where} {str(path)!r} is not valid TOML: {err}.") from None


def _source_problem(err: SourceError) -> str:
    # pydantic-settings says `error parsing value for field "discord" from source "EnvSettingsSource"`.
    text = str(err)
    field = text.split('"')[1] if text.count('"') >= 2 else "settings"
    prefix = "PODIUM_" + field.upper()
    named = sorted(k for k in os.environ if k.upper() == prefix or k.upper().startswith(prefix + "__")) or [prefix]
    return (
        f"Bad setting: {field} ({', '.join(named)}): not valid JSON "
        '(a table is written like {"key": 1}, a list like [1, 2]).'
    )


def settings_problems(err: ValidationError) -> str:
    problems = []
    for e in err.errors():
        name = ".".join(str(part) for part in e["loc"]) or "settings"
        fields = []  # the setting's own path: `discord.shard_ids`, not the list item `discord.shard_ids.0`
        for part in e["loc"]:
            if not isinstance(part, str):
                break
            fields.append(part.upper())
        env = "PODIUM_" + "__".join(fields) if fields and fields != ["DISCORD_TOKEN"] else None
        where = f" ({env})" if env else ""
        message = str(e["msg"]).removeprefix("Value error, ")
        problems.append(f"{name}{where}: {message}")
    return hide_password(f"Bad setting{'s' if len(problems) > 1 else ''}: " + "; ".join(problems) + ".")
