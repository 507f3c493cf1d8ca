"""Quiz nights: questions computed from the index, answer matching, and the pure, clock-injected game state.

`generate.build_pool` lists every question the data settles; `select.pick_questions` picks a game's questions
(seeded, no repeats); `session.QuizSession` runs the game; `matching.credit` judges an answer; `verify.problems`
checks a question against the index again.
"""
