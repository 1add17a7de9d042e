"""Offline sync: a full snapshot of what a viewer may see, then only what changed, deletions included."""
