"""Executed notebook -> one self-contained HTML page: code hidden (except a failing cell), the setup and
injected-parameters cells removed, images embedded, a header and a table of contents. Outputs are untrusted
(they may quote document text): HTML is sanitised with bleach, markdown rendered with raw HTML escaped,
scripts dropped, and the page carries a Content-Security-Policy that forbids scripts altogether.

The sanitiser is strict: only layout tags (ALLOWED_TAGS) survive; `<style>` elements are removed with their
content; attributes are limited to ALLOWED_ATTRIBUTES (no event handlers), inline `style` to a few text
properties (INLINE_CSS); `href` only to an anchor of the same page (`#…`) and `src` only to `data:image/…`;
a link that loses its `href` (an external link from corpus text, markdown included) becomes plain text."""
from __future__ import annotations

import html
import re
from functools import lru_cache
from importlib.resources import files

SETUP_TAG = "report-setup"
HIDDEN_TAGS = {SETUP_TAG, "injected-parameters"}
PAPERMILL_ERROR_TAG = "papermill-error-cell-tag"
KEPT_MIMETYPES = ("text/html", "image/png", "image/jpeg", "image/svg+xml", "text/latex", "text/plain")
TOC_LEVELS = ("h1", "h2", "h3")
ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
})
ALLOWED_ATTRIBUTES = {
    "*": ["class", "id", "title", "style", "align", "lang", "dir"],
    "a": ["href", "title", "name"],
    "img": ["src", "alt", "width", "height"],
    "table": ["border", "cellpadding", "cellspacing", "summary"],
    "td": ["colspan", "rowspan"], "th": ["colspan", "rowspan", "scope"],
    "col": ["span"], "colgroup": ["span"], "ol": ["start", "type"],
}
INLINE_CSS = frozenset({"color", "background-color", "font-weight", "font-style", "text-align", "text-decoration",
                        "vertical-align", "white-space"})  # nothing that moves, hides or overlays content


def setup_source(*, dpi: int) -> str:
    """The hidden first cell: inline PNG figures at `dpi` (MPLBACKEND=Agg would otherwise show none)."""
    return ("%matplotlib inline\n"
            "%config InlineBackend.figure_formats = ['png']\n"
            "import matplotlib as _report_mpl\n"
            f"_report_mpl.rcParams.update({{'figure.dpi': {dpi}, 'savefig.dpi': {dpi}}})\n"
            "del _report_mpl")


def sanitize_html(fragment: str) -> str:
    """Untrusted HTML -> HTML with only layout tags (see the module docstring); other tags escaped to text."""
    import bleach
    from bleach.css_sanitizer import CSSSanitizer

    fragment = _STYLE_ELEMENT.sub("", fragment)  # pandas' <style scoped> and any other: gone with their CSS
    cleaned = bleach.clean(fragment, tags=ALLOWED_TAGS, attributes=_attribute_allowed, protocols={"data"},
                           strip_comments=True, css_sanitizer=CSSSanitizer(allowed_css_properties=INLINE_CSS))
    cleaned = _LINK_WITHOUT_HREF.sub(lambda m: m.group(1), cleaned)
    return _IMG_WITHOUT_SRC.sub("", cleaned)


_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>.*?</style\s*>", re.IGNORECASE | re.DOTALL)
_IMG_WITHOUT_SRC = re.compile(r"<img\b(?![^>]*\ssrc=)[^>]*>")
_LINK_WITHOUT_HREF = re.compile(r"<a(?![^>]*\s(?:href|name|id)=)[^>]*>(.*?)</a>", re.DOTALL)


def _attribute_allowed(tag: str, name: str, value: str) -> bool:
    if tag == "img" and name == "src":
        return value.startswith("data:image/")
    if name in ("href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background"):
        return tag == "a" and name == "href" and value.startswith("#")  # an anchor of this page, nothing else
    return name in ALLOWED_ATTRIBUTES.get(tag, ()) or name in ALLOWED_ATTRIBUTES["*"]


@lru_cache(maxsize=1)
def _markdown():
    import mistune

    return mistune.create_markdown(escape=True, plugins=["strikethrough", "table"])


def markdown_output_html(text: str) -> str:
    """A text/markdown output as HTML, raw HTML in it shown as text."""
    return sanitize_html(_markdown()(text))


def clean_notebook(nb) -> None:
    """Prepare an executed notebook for the page, in place (see the module docstring)."""
    cells = []
    for i, cell in enumerate(nb.cells):
        tags = set(cell.get("metadata", {}).get("tags", []))
        if tags & HIDDEN_TAGS or (PAPERMILL_ERROR_TAG in tags and not _is_error_anchor(cell)):
            continue
        if cell.cell_type == "code":
            if cell.get("metadata", {}).get("papermill", {}).get("exception"):
                cell.metadata.setdefault("tags", []).append("coopnews-failed")
            else:
                cell.metadata["transient"] = {"remove_source": True}  # what nbconvert's exclude_input checks
            cell.outputs = [o for o in (_clean_output(o) for o in cell.get("outputs", [])) if o is not None]
        cells.append(cell)
    nb.cells = cells
    nb.metadata.pop("widgets", None)


def _is_error_anchor(cell) -> bool:
    return 'id="papermill-error-cell"' in cell.source


def _clean_output(output):
    if output.output_type not in ("display_data", "execute_result"):
        return output  # stream and error text is escaped by the template's ansi2html
    data = output.get("data", {})
    if "text/markdown" in data:
        markdown = data.pop("text/markdown")
        data.setdefault("text/html", markdown_output_html(markdown))
    elif "text/html" in data:
        data["text/html"] = sanitize_html(data["text/html"])
    if "image/svg+xml" in data and ("image/png" in data or "image/jpeg" in data):
        data.pop("image/svg+xml")
    for mimetype in [m for m in data if m not in KEPT_MIMETYPES]:
        data.pop(mimetype)
    output.get("metadata", {}).pop("filenames", None)
    return output if data else None


def failed_cell_number(nb) -> int | None:
    """1-based position, among the notebook's own code cells, of the cell that raised (None if none did)."""
    code = [c for c in nb.cells if c.cell_type == "code"
            and not set(c.get("metadata", {}).get("tags", [])) & HIDDEN_TAGS]
    for n, cell in enumerate(code, start=1):
        if cell.get("metadata", {}).get("papermill", {}).get("exception"):
            return n
    return None


@lru_cache(maxsize=1)
def _jinja():
    import jinja2

    loader = jinja2.FileSystemLoader(str(templates_dir()))
    return jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined)


def templates_dir():
    """lib/coopnews/templates (packaged with coopnews)."""
    return files("coopnews") / "templates"


def render_template(name: str, **context) -> str:
    """One of coopnews' templates, with every value HTML-escaped."""
    return _jinja().get_template(name).render(**context)


def page_html(nb, *, title: str, header: str) -> str:
    """The report page for an executed notebook (cleaned in place first)."""
    from nbconvert import HTMLExporter

    clean_notebook(nb)
    exporter = HTMLExporter(template_name="lab", template_file="report.html.j2",
                            extra_template_paths=[str(templates_dir())], embed_images=True,
                            exclude_input_prompt=True, exclude_output_prompt=True, sanitize_html=False)
    css = (templates_dir() / "report.css").read_text("utf-8")
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title},
                                                         "coopnews": {"header": header, "css": css}})
    return body.replace("<!--coopnews-toc-->", toc_html(body), 1)


def toc_html(page: str) -> str:
    """A <nav> listing the headings of the page's markdown cells, each linking to its anchor."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "html.parser")
    items = []
    for cell in soup.select("div.jp-MarkdownCell"):
        for heading in cell.find_all(TOC_LEVELS):
            anchor = heading.get("id")
            for link in heading.select("a.anchor-link"):
                link.decompose()
            text = heading.get_text(" ", strip=True)
            if anchor and text:
                items.append((int(heading.name[1]), anchor, text))
    if not items:
        return ""
    lines = [f'<li class="toc-{level}"><a href="#{html.escape(anchor, quote=True)}">{html.escape(text)}</a></li>'
             for level, anchor, text in items]
    return ('<nav class="coopnews-toc" aria-label="Contents"><div class="title">Contents</div><ul>\n'
            + "\n".join(lines) + "\n</ul></nav>")
