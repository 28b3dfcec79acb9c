"""Batch reports: run notebooks with papermill according to a YAML plan and publish safe HTML pages.

    build = build_reports("seeds", "reports/plan.yaml", "reports", jobs=2)
    build.results    # one dict per run (execute.RESULT_COLUMNS); build.failures; build.index

Modules: plan (read and expand a plan), params (validate runs against the notebooks), slugs (file names),
execute (papermill in worker processes), html (sanitising nbconvert export, header, table of contents),
index (index.html), build (the whole pipeline).
"""
from .build import Build, build_reports
from .execute import RESULT_COLUMNS
from .plan import Plan, PlanError, Run, load_plan, plan_runs
from .slugs import parameters_slug, slugify

__all__ = ["Build", "Plan", "PlanError", "RESULT_COLUMNS", "Run", "build_reports", "load_plan",
           "parameters_slug", "plan_runs", "slugify"]
