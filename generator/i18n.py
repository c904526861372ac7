"""What gazette says, in the reader's language: Simplified Chinese when the locale asks for Chinese, English otherwise.

One catalog, `generator/locale/zh_CN/LC_MESSAGES/gazette.po`, whose msgids are the
English messages in the code. Mark a message with `_()` where it is said (or `N_()`
where it is only defined, then `_()` it where it is shown), with named placeholders
filled after translation: `_("imported {n} of {total}").format(n=…, total=…)`.
`scripts/messages.py` extracts the marked messages into the catalog.

The catalog is read from its source (.po, via Babel) the first time a Chinese message is
asked for: no compiled .mo is committed or generated, so a clone, an editable install and
a wheel read the same file; in an English locale nothing is read at all.
"""
from __future__ import annotations

import argparse
import functools
import gettext
import os
from pathlib import Path

DOMAIN = "gazette"
LOCALE_DIR = Path(__file__).parent / "locale"
CATALOGS = {"zh": "zh_CN"}  # language → the catalog that speaks it (one Chinese: Simplified)
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # gettext's order: the first one set decides


def language(environ=None) -> str:
    """`zh` or `en`, as gettext reads the environment: the first of LANGUAGE, LC_ALL,
    LC_MESSAGES, LANG that is set, a colon-separated list of preferences; C/POSIX or an
    English entry stop the search (English is the language of the code)."""
    environ = os.environ if environ is None else environ
    value = next((environ[name] for name in ENVIRONMENT if environ.get(name)), "")
    for preference in value.split(":"):
        name = preference.strip().lower()
        if name in ("c", "posix") or name.startswith(("c.", "posix.", "en")):
            return "en"
        if name.startswith("zh"):
            return "zh"
    return "en"


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / CATALOGS[lang] / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The messages of `lang` (English: the code's own, untranslated)."""
    if lang not in CATALOGS:
        return gettext.NullTranslations()
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with catalog_path(lang).open("rb") as po:
        catalog = read_po(po)  # its header says its plural forms; no CLDR locale data to load
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def current() -> gettext.NullTranslations:
    """The translations for the locale as it is now (read on every call: tests and
    long-running previews may change it)."""
    return translations(language())


def _(message: str) -> str:
    return current().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return current().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in `context`, for a short word that other contexts say otherwise (a kind, a level)."""
    return current().pgettext(context, message)


def N_(message: str) -> str:
    """Marks a message for the catalog where it is defined; `_()` translates it where it is shown."""
    return message


def speak_argparse() -> None:
    """argparse says `usage:`, `options`, `the following arguments are required` through its
    module's `_` and `ngettext`, which read the stdlib's global gettext domain, and that reads
    only compiled .mo files: point them at our catalog, which carries argparse's messages too
    (generator/argparse_messages.py)."""
    argparse._ = _
    argparse.ngettext = ngettext
