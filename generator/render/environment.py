"""The Jinja environment with gazette's filters, and rendering one Page to bytes."""
from __future__ import annotations

import jinja2

from .. import urls
from ..config import Config
from ..fingerprint import resolve
from ..problems import GazetteError, error
from ..i18n import _
from . import chinese
from .bytecode import bytecode_cache
from .phrases import phrase_markup
from .pages import Page
from .themes import make_environment
from .links import relative_url, root_prefix


@jinja2.pass_context
def _rel(context, url: str) -> str:
    return relative_url(url, context["page_url"])


def theme_environment(config: Config) -> jinja2.Environment:
    """The theme's environment with gazette's filters; templates compiled by an earlier build are
    reused unless the cache is off (`cache_dir: ""`, `--no-cache`)."""
    env = make_environment(config)
    if config.cache_dir:
        env.bytecode_cache = bytecode_cache()
    env.filters.update(
        rel=_rel, cn_date=chinese.cn_date, weekday=chinese.weekday, page_label=chinese.page_label,
        issue_facts=chinese.issue_facts, phrases=phrase_markup, title_note=chinese.title_note,
        absolute=lambda url: urls.absolute_url(url, config.base_url),
    )
    env.globals.update(
        rel=_rel, urls=urls, cn_month=chinese.cn_month, weekday_heads=chinese.WEEKDAY_HEADS, config=config,
        site_title=config.title, site_description=config.description, base_url=config.base_url,
    )
    return env


def render_page(env: jinja2.Environment, page: Page) -> bytes:
    """The page's HTML as UTF-8; `root` and `page_url` come from its URL, deferred context values are made now."""
    context = {"page_url": page.url, "root": root_prefix(page.url), "section": page.section,
               "base_href": "", **resolve(page.context)}
    try:
        html = env.get_template(page.template).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise GazetteError([error(exc.filename or exc.name or page.template, exc.lineno, "theme-syntax",
                                  exc.message or str(exc))]) from None
    except jinja2.TemplateNotFound as exc:
        raise GazetteError([error(page.template, None, "theme-missing",
                                  _("template {name} not found in any theme layer (needed for {page})").format(
                                      name=exc.name, page=page.url))]) from None
    except jinja2.UndefinedError as exc:
        raise GazetteError([error(page.template, None, "theme-undefined",
                                  _("{message} (while rendering {page})").format(message=exc.message,
                                                                                 page=page.url))]) from None
    return html.encode("utf-8")
