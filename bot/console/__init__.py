"""The terminal face: the same commands as the Discord bot, without a token."""
