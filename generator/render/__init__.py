"""Rendering (placeholder until the theme lands): site model → {path: bytes}."""


def render_site(site, config) -> dict[str, bytes]:
    return {}
