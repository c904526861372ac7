"""Search index (placeholder until search lands): site model → {path: bytes}."""


def build_search(site, config) -> dict[str, bytes]:
    return {}
