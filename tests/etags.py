"""Reading the API's entity tags: a versioned object's tag is its version and a digest (`"3-1f0c…"`)."""


def version_in(etag: str) -> int:
    """The object's version, which its representation's tag starts with."""
    return int(etag.strip('"').split("-")[0])
