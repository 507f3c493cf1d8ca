"""Scale and quality: a corpus generator, a benchmark, and the quality suite runner (`python -m bot.bench`)."""
