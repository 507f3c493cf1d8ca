"""Settings: one pydantic-settings class, defaults from `config/settings.toml`, secrets only from the environment."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

ROOT = Path(__file__).resolve().parent.parent
CONFIG_FILE = ROOT / "config" / "settings.toml"


class DiscordSettings(BaseModel):
    # Unset means the real Discord; set both to run behind a REST proxy and a gateway proxy (or a loopback test).
    api_base_url: str | None = None
    gateway_url: str | None = None
    dev_guild_ids: list[int] = Field(default_factory=list)
    sync_on_start: bool = False
    shard_count: int | None = None
    shard_ids: list[int] | None = None
    message_content: bool = False
    cooldown_rate: int = 5
    cooldown_seconds: float = 30.0


class QuizSettings(BaseModel):
    database_url: str = "sqlite+aiosqlite:///var/podium.sqlite3"
    default_questions: int = 10
    default_seconds: int = 20
    # After each question: how long the answer shows before the next one; countdown edits at most this often.
    reveal_seconds: float = 5.0
    countdown_seconds: float = 5.0
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
    """Settings from (highest first) arguments, environment, `.env`, then the TOML file."""
    return Settings(**overrides)  # type: ignore[arg-type]
