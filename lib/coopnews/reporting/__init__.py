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
from .build import Build, build_reports
from .defaults import default_group_column, default_kwic_terms, document_groups
from .execute import RESULT_COLUMNS
from .findings import (corpus_findings, keyness_sentence, keyword_findings, map_sentence, network_sentence, no_events_reason,
                       partner_findings, sector_sentence, timeline_findings, top_terms_sentence)
from .plan import Plan, PlanError, Run, load_plan, plan_runs
from .slugs import parameters_slug, slugify
from .tables import show_table
from .widgets import explore_events, explore_partners

__all__ = ["Build", "Plan", "PlanError", "RESULT_COLUMNS", "Run", "build_reports", "corpus_findings",
           "default_group_column", "default_kwic_terms", "document_groups", "explore_events", "explore_partners",
           "keyness_sentence", "keyword_findings", "load_plan", "map_sentence", "network_sentence", "no_events_reason",
           "parameters_slug", "partner_findings", "plan_runs", "sector_sentence", "show_table", "slugify",
           "timeline_findings", "top_terms_sentence"]
