"""The Discord face of Podium (discord.py is imported only inside this package).

Layout:
    app.py       the client (sharded or not), endpoints (proxies), command sync, `run_bot`, `sync_main`
    context.py   `BotContext` (the loaded `Podium`, settings, routes), `Route` (the routes' codes), `Reply`/`Slow`,
                 refs for custom_ids
    flow.py      sending replies, page buttons and the ambiguity picker (DynamicItems), the central error report
    tree.py      `PodiumTree` (one error handler for every command) and the per-user cooldown
    embeds.py    pure rendering of answers into embeds, with every Discord limit enforced
    options.py   Transformers for fuzzy event/athlete names, with autocomplete from the matcher
    quiz.py      /quiz: the live games (ticker, buttons, answers)   quiz_commands.py  its commands
    quiz_render.py  the quiz's embeds
    results.py   /event, /podium, /records        athletes.py  /athlete, /compare
    chart.py     /chart                           about.py     /about
    ask.py       /ask and questions by mention    medals.py    /medals, /nation, /games
    ask_embeds.py  plain-words answers, medal tables, nations and Games as embeds

Adding a command group (for example `/quiz`):
    1. Write `bot/discord/quiz.py` with `def setup(tree: app_commands.CommandTree[Any], ctx: BotContext) -> None`.
       Build an `app_commands.Group(name="quiz", description=...)`, add subcommands with `@group.command(...)`,
       decorate each with `@user_cooldown(ctx.settings)` if it should be rate-limited, and `tree.add_command(group)`.
       Read what you need from `ctx` (or `context_of(interaction)` inside callbacks); keep state on objects you
       create in `setup`, never in module globals.
    2. Add `quiz.setup` to `GROUPS` in `bot/discord/app.py`.
    3. Reply with `AllowedMentions.none()` (`flow.no_mentions()`), and raise `bot.errors.PodiumError` subclasses for
       anything the user can fix: the tree's handler turns them into friendly ephemeral replies.
    4. Buttons that must survive a restart: a `discord.ui.DynamicItem` with its state in the custom_id (see
       `flow.PageButton`), registered by adding it to `flow.DYNAMIC_ITEMS` or calling
       `client.add_dynamic_items(...)` in your own `setup_hook` code.
    Route codes in use (`ctx.add_route`/`ctx.add_pager`): e, p, r, a, c, h, i.
"""
