"""Expert panels: the workflow over the store (no Streamlit).

Who may answer what, rounds, aggregation calls. Imports ``store``, ``criteria``, ``methods``
and ``errors`` only. Modules:

* :mod:`panel.questionnaire` — what a panel asks, from its scenario;
* :mod:`panel.snapshot` — the scenario snapshotted self-contained;
* :mod:`panel.experts_file`, :mod:`panel.answers_file` — the files a facilitator brings;
* :mod:`panel.service`, :mod:`panel.actions` — create, import, results, rounds, tokens;
* :mod:`panel.status`, :mod:`panel.results`, :mod:`panel.consensus`, :mod:`panel.delphi`,
  :mod:`panel.robustness` — what the facilitator reads;
* :mod:`panel.apply` — a result as a scenario; :mod:`panel.export` — everything as tables;
* :mod:`panel.survey` — surveys published as distributions (seed 001).

Nothing is imported here, so ``import panel.x`` costs only what ``x`` needs.
"""
