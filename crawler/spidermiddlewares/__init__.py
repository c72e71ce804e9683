"""Spider middlewares: the page archive."""
