"""Settings modules: `base` (environment-driven), `production` and `test` overrides."""
