"""Subcommands of the `coopnews` CLI, one module each (see coopnews.cli)."""
