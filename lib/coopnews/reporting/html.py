"""Executed notebook -> one self-contained HTML page: code hidden (except a failing cell), the setup and
injected-parameters cells removed, images embedded, a header and a table of contents. Outputs are untrusted
(they may quote document text): HTML is sanitised with bleach, markdown rendered with raw HTML escaped,
scripts dropped. The only script a page may run is its own table script (DataTables from the itables
package, inlined, making tables of class `coopnews-table` sortable and searchable); the page's
Content-Security-Policy allows exactly that script by its SHA-256 hash and nothing else.

The sanitiser is strict: only layout tags (ALLOWED_TAGS) survive; `<style>` elements are removed with their
content; attributes are limited to ALLOWED_ATTRIBUTES (no event handlers), inline `style` to a few text
properties (INLINE_CSS); `src` only to `data:image/…`. In markdown outputs (where document text can form link
syntax) `href` goes only to an anchor of the same page (`#…`); a link that loses its `href` becomes plain
text. In HTML outputs of the package's own tables (document text escaped by them) `href` may also go to a
relative file (the table's CSV/Parquet export) or an http(s) source URL; never to any other scheme."""
from __future__ import annotations

import base64
import hashlib
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


BASE_POLICY = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; "
               "form-action 'none'")
TABLE_CLASS = "coopnews-table"  # coopnews.reporting.tables marks its tables with it


def setup_source(*, dpi: int, exports: str | None = None, exports_href: str | None = None,
                 cwd: str | None = None) -> str:
    """The hidden first cell: a clean namespace and no figure left from an earlier run of the same kernel,
    the notebook's folder as working directory (`cwd`), inline PNG figures at `dpi` (MPLBACKEND=Agg would
    otherwise show none) and, with `exports`, the folder (and its href from the page) where show_table
    writes CSV/Parquet files.

    Two things keep a reused kernel fast: what survives the reset (modules, their caches) is frozen out of
    the garbage collector's scans (the next page's reset then collects only that page's objects), and
    figures are saved as drawn (coopnews' figures lay themselves out, "constrained"; the inline backend's
    default `bbox_inches="tight"` draws every figure twice)."""
    lines = ["%reset -f",
             "import gc as _report_gc",
             "_report_gc.freeze()",
             "del _report_gc",
             "import matplotlib.pyplot as _report_plt",
             "_report_plt.close('all')",
             "del _report_plt",
             "%matplotlib inline",
             "%config InlineBackend.figure_formats = ['png']",
             "%config InlineBackend.print_figure_kwargs = {'bbox_inches': None}",
             "import matplotlib.pyplot as _report_plt",
             "_report_plt.uninstall_repl_displayhook()",
             "del _report_plt",
             "import matplotlib as _report_mpl",
             f"_report_mpl.rcParams.update({{'figure.dpi': {dpi}, 'savefig.dpi': {dpi}}})",
             "del _report_mpl"]
    if cwd is not None:
        lines += ["import os as _report_os", f"_report_os.chdir({cwd!r})", "del _report_os"]
    if exports is not None:
        lines += ["import os as _report_os",
                  f"_report_os.environ['COOPNEWS_REPORT_EXPORTS'] = {exports!r}",
                  f"_report_os.environ['COOPNEWS_REPORT_EXPORTS_HREF'] = {exports_href or ''!r}",
                  "del _report_os"]
    return "\n".join(lines)


@lru_cache(maxsize=1)
def table_assets() -> tuple[str, str]:
    """(css, module script) making `table.coopnews-table` sortable, searchable and paged: itables' offline
    DataTables bundle with its exports bound to local names, then one initialisation per table. The tables
    come from the page's DOM (already escaped); no cell is re-parsed from data."""
    from importlib.resources import files as package_files

    folder = package_files("itables") / "html"
    bundle = (folder / "dt_bundle.js").read_text("utf-8")
    css = (folder / "dt_bundle.css").read_text("utf-8")
    exports = re.findall(r"export\s*\{([^}]*)\}", bundle)
    if len(exports) != 1:
        raise RuntimeError("itables' dt_bundle.js no longer ends with one `export {…}`: update table_assets()")
    names = dict(reversed(part.split(" as ")) if " as " in part else (part, part)
                 for part in (p.strip() for p in exports[0].split(",")) if part)
    if "default" not in names:
        raise RuntimeError("itables' dt_bundle.js exports no default (DataTable): update table_assets()")
    binding = "const coopnewsDataTable = " + names["default"] + ";"
    init = ("document.querySelectorAll('table." + TABLE_CLASS + "').forEach(function (table) {"
            " new coopnewsDataTable(table, {order: [], pageLength: 10, lengthMenu: [10, 25, 100, -1],"
            " autoWidth: false, language: {search: 'Search this table:'}}); });")
    script = re.sub(r"export\s*\{[^}]*\}\s*;?", binding, bundle, count=1) + "\n" + init
    return css, script


def script_hash(script: str) -> str:
    """The CSP source allowing exactly `script` ('sha256-…')."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def page_policy(scripts: list[str]) -> str:
    """The page's Content-Security-Policy: no resource but inline styles, data: images and `scripts`."""
    if not scripts:
        return BASE_POLICY
    return f"{BASE_POLICY}; script-src {' '.join(script_hash(s) for s in scripts)}"


def sanitize_html(fragment: str, *, web_links: bool = False) -> str:
    """Untrusted HTML -> HTML with only layout tags (see the module docstring); other tags escaped to text.
    `web_links`: keep links to relative files and http(s) URLs too (else only in-page anchors)."""
    import bleach
    from bleach.css_sanitizer import CSSSanitizer

    fragment = _STYLE_ELEMENT.sub("", fragment)  # pandas' <style scoped> and any other: gone with their CSS
    cleaned = bleach.clean(fragment, tags=ALLOWED_TAGS, attributes=_web_attribute_allowed if web_links else _attribute_allowed,
                           protocols={"data", "http", "https"} if web_links else {"data"},
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


def _web_attribute_allowed(tag: str, name: str, value: str) -> bool:
    if tag == "a" and name == "href":
        return value.startswith("#") or _WEB_HREF.match(value) is not None
    return _attribute_allowed(tag, name, value)


_WEB_HREF = re.compile(r"(?:https?://[^\s]+|(?![a-zA-Z][a-zA-Z0-9+.-]*:)(?!/)[^\s:]+)\Z")


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
        data["text/html"] = sanitize_html(data["text/html"], web_links=True)
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
    clean_notebook(nb)
    exporter = _exporter()
    css = (templates_dir() / "report.css").read_text("utf-8")
    has_tables = any(f'class="{TABLE_CLASS}"' in str(o.get("data", {}).get("text/html", ""))
                     for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    scripts = [table_assets()[1]] if has_tables else []
    if has_tables:
        css = table_assets()[0] + "\n" + css
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}, "coopnews": {
        "header": header, "css": css, "csp": page_policy(scripts)}})
    body = body.replace("<!--coopnews-toc-->", toc_html(body), 1)
    if scripts:
        before, end, after = body.rpartition("</body>")
        body = f'{before}<script type="module">{scripts[0]}</script>\n{end}{after}'

    return body


_DATA_URI = re.compile(r'"data:[^"]*"')


@lru_cache(maxsize=1)
def _exporter():
    """nbconvert's HTML exporter with coopnews' page template, made once per process (making one compiles
    its templates: about 0.3 s a page otherwise)."""
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="lab", template_file="report.html.j2",
                        extra_template_paths=[str(templates_dir())], embed_images=True,
                        exclude_input_prompt=True, exclude_output_prompt=True, sanitize_html=False)


def toc_html(page: str) -> str:
    """A <nav> listing the headings of the page's markdown cells, each linking to its anchor."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(_DATA_URI.sub('""', page), "html.parser")  # the figures' base64 need no parsing
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
