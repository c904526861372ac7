"""gazette: a static archive site generator for the regional press of Xinjiang.

The public API is small: `load_config`, `build`, and (in `generator.ingest`)
`import_issue`. The CLI is a thin layer over these.
"""
from .build import BuildResult, build
from .config import Config, load_config
from .problems import GazetteError, Problem

__all__ = ["BuildResult", "Config", "GazetteError", "Problem", "build", "load_config"]
