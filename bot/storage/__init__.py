"""Storage for quiz nights: SQLAlchemy 2 async Core over SQLite (default) or PostgreSQL, the same code for both.

`QuizRepository.open(url)` connects and applies the migrations; all SQL of the bot lives in this package.
"""
