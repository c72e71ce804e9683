"""Storage: models, schema, engine and migrations, identity, failures, page rows;
what the crawl's store step and the `journals` command both use."""
