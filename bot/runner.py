"""`run`: the Discord bot when a token is configured, else the terminal console."""

from __future__ import annotations

from pathlib import Path

from bot.settings import load_settings


def run(data_dir: Path) -> int:
    settings = load_settings()
    if settings.discord_token is None:
        from bot.console.repl import Repl
        from bot.core import Podium

        print("No DISCORD_TOKEN set: starting the terminal console on", data_dir)
        podium = Podium.load(data_dir, cache_dir=settings.cache_dir)
        return Repl(podium, history=settings.history_file, data_dir=data_dir).run()
    from bot.discord.app import run_bot

    return int(run_bot(settings, data_dir))
