"""Persistence for expert panels: schema, migrations, and short-transaction repositories.

``store`` knows tables and transactions only (no Streamlit, no decision maths, no panel
workflow). Open a database with :func:`open_store`, make a session per request or thread
(``with db.session() as s:``) and call the repository functions below; each one is a single
committed transaction. See ``store/engine.py`` for the SQLite and PostgreSQL settings.
"""

from clusterrank.store.access import (
    ExpertIdentity,
    FacilitatorAccess,
    open_facilitator,
    resolve_token,
)
from clusterrank.store.answers import (
    clear_judgment,
    save_comment,
    save_judgment,
    save_score,
    submit,
)
from clusterrank.store.engine import Store, open_store, resolve_url
from clusterrank.store.imports import JudgmentIn, ScoreIn, import_answers
from clusterrank.store.panels import (
    add_experts,
    create_panel,
    reissue_token,
    revoke_expert,
    set_status,
)
from clusterrank.store.reads import (
    expert_panel,
    list_experts,
    my_answers,
    panel_info,
    round_answers,
)
from clusterrank.store.records import NewExpert
from clusterrank.store.results import append_audit, list_audit, list_results, record_result
from clusterrank.store.rounds import close_round, expert_round, list_rounds, open_round

__all__ = [
    "ExpertIdentity",
    "FacilitatorAccess",
    "JudgmentIn",
    "NewExpert",
    "ScoreIn",
    "Store",
    "add_experts",
    "append_audit",
    "clear_judgment",
    "close_round",
    "create_panel",
    "expert_panel",
    "expert_round",
    "import_answers",
    "list_audit",
    "list_experts",
    "list_results",
    "list_rounds",
    "my_answers",
    "open_facilitator",
    "open_round",
    "open_store",
    "panel_info",
    "record_result",
    "reissue_token",
    "resolve_token",
    "resolve_url",
    "revoke_expert",
    "round_answers",
    "save_comment",
    "save_judgment",
    "save_score",
    "set_status",
    "submit",
]
