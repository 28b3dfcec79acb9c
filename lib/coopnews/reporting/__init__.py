"""Batch reports: run notebooks with papermill according to a YAML plan and publish safe HTML pages; and
what the notebooks show in them: browsable tables, findings written from the data, default choices that
fit any corpus, interactive views for JupyterLab.

    build = build_reports("seeds", "reports/plan.yaml", "reports/seeds", jobs=2)
    build.results    # one dict per run (execute.RESULT_COLUMNS); build.failures; build.index

Modules: plan (read and expand a plan), params (validate runs against the notebooks), slugs (file names),
execute (papermill in worker processes), html (sanitising nbconvert export, the page's table script and
its CSP hash, header, table of contents), index (index.html), build (the whole pipeline); tables
(show_table: titles, evidence, CSV/Parquet exports), findings (sentences from the tables), defaults
(group column, KWIC terms), widgets (ipywidgets views).
"""
from .. import lazy_exports

# Names exported by this package, imported from their module on first use (a `coopnews report` or a page
# that needs one module does not import the plots and widgets of the others).
_EXPORTS = {name: module for module, names in {
    "build": ["Build", "build_reports"],
    "defaults": ["default_group_column", "default_kwic_terms", "document_groups"],
    "execute": ["RESULT_COLUMNS"],
    "findings": ["corpus_findings", "keyness_sentence", "keyword_findings", "map_sentence", "network_sentence",
                 "no_events_reason", "partner_findings", "sector_sentence", "timeline_findings",
                 "top_terms_sentence"],
    "plan": ["Plan", "PlanError", "Run", "load_plan", "plan_runs"],
    "slugs": ["parameters_slug", "slugify"],
    "tables": ["show_table"],
    "widgets": ["explore_events", "explore_partners"],
}.items() for name in names}
__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
