"""What a template shows a reader without translating it, and which messages it asks the
catalogue for: the checks behind the test that no template string is left in English."""

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from django.template import Template
from django.template.base import FilterExpression, Lexer, TokenType, VariableNode
from django.templatetags.i18n import BlockTranslateNode, TranslateNode
from django.utils.functional import Promise

# Attributes whose values a reader sees or hears (tooltips, placeholders, screen readers).
VISIBLE_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label"}
# Filters whose literal arguments end up on the page as words.
WORDING_FILTERS = {"default", "default_if_none", "yesno"}
# Any letter, Latin or not: digits, punctuation and arrows need no translation.
LETTER = re.compile(r"[^\W\d_]")
# Stands for the template's own tags and translated text in the page's text.
GAP = " "


@dataclass(frozen=True)
class Message:
    msgid: str
    context: str | None = None
    plural: str | None = None


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._hidden_depth += 1
        for name, value in attrs:
            if name in VISIBLE_ATTRIBUTES and value:
                self._keep(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._hidden_depth:
            self._hidden_depth -= 1

    def handle_data(self, data):
        if not self._hidden_depth:
            self._keep(data)

    def _keep(self, text: str) -> None:
        for piece in text.split(GAP):
            piece = " ".join(piece.split())
            if LETTER.search(piece):
                self.found.append(piece)


def untranslated_text(source: str) -> list[str]:
    """Words in the template's markup outside translate tags: text between tags and the
    values of visible attributes. Comments and {% blocktranslate %} bodies do not count."""
    parts = []
    skipping = []  # the end tags awaited: inside comments and blocktranslate
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents.split() else ""
            if name in ("comment", "blocktranslate", "blocktrans"):
                skipping.append("end" + name)
            elif skipping and name == skipping[-1]:
                skipping.pop()
            parts.append(GAP)
        elif token.token_type == TokenType.TEXT and not skipping:
            parts.append(token.contents)
        else:
            parts.append(GAP)
    parser = _VisibleText()
    parser.feed("".join(parts))
    parser.close()
    return parser.found


def _nodes(nodelist):
    for node in nodelist:
        yield node
        for attribute in getattr(node, "child_nodelists", ()):
            yield from _nodes(getattr(node, attribute, None) or [])
        if hasattr(node, "conditions_nodelists"):
            for _condition, branch in node.conditions_nodelists:
                yield from _nodes(branch)


def _expressions(value):
    """Every FilterExpression held by a node's attributes (its arguments)."""
    if isinstance(value, FilterExpression):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _expressions(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _expressions(item)


def _translated(value) -> Message | None:
    """The message of a `_("...")` literal: Django resolves it to a lazy translation."""
    if not isinstance(value, Promise):
        return None
    arguments = value._args
    if len(arguments) == 2:  # pgettext_lazy(context, message)
        return Message(str(arguments[1]).replace("%%", "%"), str(arguments[0]))
    return Message(str(arguments[0]).replace("%%", "%"))


def _wording(value) -> str | None:
    """A quoted literal that is not translated and holds a word."""
    if isinstance(value, str) and not isinstance(value, Promise) and LETTER.search(value):
        return value
    return None


def untranslated_literals(template: Template) -> list[str]:
    """Quoted words printed by {{ }} without _(): `{{ "Notes" }}`, `|default:"never"`,
    and English-only plural endings (`|pluralize`)."""
    found = []
    for node in _nodes(template.nodelist):
        if not isinstance(node, VariableNode):
            continue
        expression = node.filter_expression
        if _wording(expression.var):
            found.append(expression.var)
        for function, arguments in expression.filters:
            name = getattr(function, "_filter_name", function.__name__)
            if name == "pluralize":
                found.append("|pluralize (English plural endings)")
            if name not in WORDING_FILTERS:
                continue
            for lookup, argument in arguments:
                if not lookup and _wording(argument):
                    found.append(argument)
    return found


def _context(node) -> str | None:
    expression = getattr(node, "message_context", None)
    return str(expression.resolve({})) if expression is not None else None


def messages(template: Template) -> set[Message]:
    """The messages the template asks the catalogue for."""
    found = set()
    for node in _nodes(template.nodelist):
        if isinstance(node, TranslateNode):
            literal = getattr(node.filter_expression.var, "literal", None)
            if isinstance(literal, str):
                found.add(Message(str(literal), _context(node)))
        elif isinstance(node, BlockTranslateNode):
            singular, _vars = node.render_token_list(node.singular)
            plural = node.render_token_list(node.plural)[0] if node.plural else None
            found.add(Message(singular, _context(node), plural))
        for value in vars(node).values():
            for expression in _expressions(value):
                arguments = [a for _f, args in expression.filters for _lookup, a in args]
                for candidate in [expression.var, *arguments]:
                    if message := _translated(candidate):
                        found.add(message)
    return found


def project_templates(base_dir: Path) -> list[Path]:
    """The project's own templates: templates/ and each app's templates/ folder."""
    skip = {".venv", "node_modules", "staticfiles", "test-artifacts"}
    return sorted(
        path
        for path in Path(base_dir).rglob("templates/**/*.html")
        if not skip.intersection(path.relative_to(base_dir).parts)
    )
