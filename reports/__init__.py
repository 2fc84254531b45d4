"""What leaves the app.

CSV and Excel exports, the Regions page's tables, the scenario YAML with the weights in use, and the
one cell neutraliser every CSV/Excel writer goes through.

``reports`` may import ``analysis`` (it renders its results: ``RankingReport``, weight
reports, sensitivity results), ``criteria`` and ``methods``; ``analysis`` never imports
``reports``. See DESIGN.md: ``ui, cli -> analysis, reports -> criteria, methods``.
"""
