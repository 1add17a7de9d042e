"""The append-only change feed behind the audit log and sync: one mechanism, not three."""
