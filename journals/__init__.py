"""The researcher's side: the `journals` command (search, export, stats, runs,
failures, reparse, the web view) and the bundled sample site."""
