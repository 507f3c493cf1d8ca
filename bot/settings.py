"""Settings: one pydantic-settings class, defaults from `config/settings.toml`, secrets only from the environment."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    Field,
    NonNegativeFloat,
    NonNegativeInt,
    PositiveFloat,
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

from bot.errors import PodiumError

ROOT = Path(__file__).resolve().parent.parent
CONFIG_FILE = ROOT / "config" / "settings.toml"


class SettingsError(PodiumError):
    """A setting (from the environment, `.env` or the TOML file) has a value the bot cannot run with."""


def _url(value: str | None, schemes: tuple[str, str], example: str) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value.strip())
    if parts.scheme not in schemes or not parts.hostname:
        raise ValueError(f"must be a {schemes[0]}:// or {schemes[1]}:// URL such as {example}, not {value!r}")
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
    cooldown_rate: PositiveInt = 5
    cooldown_seconds: PositiveFloat = 30.0

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
    reveal_seconds: NonNegativeFloat = 5.0
    countdown_seconds: PositiveFloat = 5.0
    # A fixed seed makes every game's questions reproducible (tests, demos); unset, each game draws its own.
    seed: int | None = None


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
    import os

    return Path(os.environ.get("PODIUM_CONFIG", CONFIG_FILE))


def load_settings(**overrides: object) -> Settings:
    """Settings from (highest first) arguments, environment, `.env`, then the TOML file. `SettingsError`, one line
    naming each bad setting and its environment variable, when a value cannot be used."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as err:
        raise SettingsError(settings_problems(err)) from None


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
    return f"Bad setting{'s' if len(problems) > 1 else ''}: " + "; ".join(problems) + "."
