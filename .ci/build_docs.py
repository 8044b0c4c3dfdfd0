#!/usr/bin/env python
"""Build the docs site offline, without Quarto, and generate README.md from nbs/index.ipynb.

The published site is nbdev's (`nbdev_docs`, Quarto, .github/workflows/deploy.yaml). Quarto cannot be installed on
machines without internet, so this script builds the same pages from the same processed notebooks:

1. nbdev's processing (`nbdev.serve.proc_nbs`, what `nbdev_proc_nbs` runs, minus its attempt to install Quarto) writes
   `_proc/`: `#| hide` and `#| export` cells gone, a `show_doc` cell (executed, markdown output) after every exported
   name, the H1 title and `>` summary turned into front matter, backticked names linked to their docs.
2. Each processed notebook is tidied as Quarto would render it (cell options such as `#| echo: false` applied and
   removed, Pandoc link attributes and fenced divs turned into HTML, links to the published site made relative) and
   converted to HTML by nbconvert (`.ci/docs_template/magvit`, built on nbconvert's JupyterLab template) into
   `_site/`, page names as Quarto's (`00_core.ipynb` -> `core.html`, `index.ipynb` -> `index.html`), with a sidebar of
   every page, an "On this page" list and nothing fetched from outside the site. Saved outputs are kept as they are,
   so the inline videos (`<img class="magvit-video" src="data:image/gif;base64,...">`) survive.
3. `_site/pages.json` lists every page with the number of videos its source notebook shows; `.ci/test_docs.py`
   checks each page in Chromium against it.

README.md is index.ipynb's processed page as Markdown (what `nbdev_readme` makes with Quarto): `--readme` writes it,
`--check-readme` fails when the committed README.md differs.

usage: python .ci/build_docs.py [--out _site] [--readme | --check-readme] [--skip-site] [--cached] [--workers N]
"""
from __future__ import annotations
import argparse, difflib, html, json, posixpath, re, shutil, sys, time
from pathlib import Path
from urllib.parse import unquote

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE/'docs_template'
VIDEO_RE = re.compile(r'<img\b[^>]*\bclass="[^"]*\bmagvit-video\b|<video\b', re.IGNORECASE)
FM_RE = re.compile(r'^\s*---\s*\n(.*?)\n\s*---\s*$', re.DOTALL)
DIRECTIVE_RE = re.compile(r'^\s*#\|\s*([\w-]+)\s*:?\s*(.*?)\s*$')
# `[text](url){key="value" ...}`: a Pandoc link with attributes (show_doc's `[source]` link)
PANDOC_LINK_RE = re.compile(r'\[([^\]\n]+)\]\(([^)\s]+)\)\{([^}\n]*)\}')
# `::: {.callout-note}` ... `:::`: Pandoc fenced divs
FENCE_OPEN_RE = re.compile(r'^:::+\s*\{([^}]*)\}\s*$|^:::+\s*([\w-]+)\s*$', re.MULTILINE)
FENCE_CLOSE_RE = re.compile(r'^:::+\s*$', re.MULTILINE)
HEADING_ID_RE = re.compile(r'<(h[1-6]) id="([^"]*)"')
ANCHOR_RE = re.compile(r'(<a class="anchor-link" href="#)([^"]*)"')
TOC_RE = re.compile(r'<(h[23]) id="([^"]*)">(.*?)<a class="anchor-link"', re.DOTALL)


class DocsError(Exception): "A problem in the notebooks or the build that the message explains"

def log(msg): print(f"build_docs: {msg}", flush=True)

# ---------------------------------------------------------------- notebooks and their cells

def cell_source(cell) -> str:
    s = cell.get('source', '')
    return ''.join(s) if isinstance(s, list) else (s or '')

def split_directives(src: str):
    "Quarto/nbdev cell options (`#| key: value` lines at the top of a code cell) and the rest of the source"
    lines, opts, i = src.splitlines(), {}, 0
    while i < len(lines):
        m = DIRECTIVE_RE.match(lines[i])
        if not m: break
        opts[m.group(1).lower()] = m.group(2).strip().lower()
        i += 1
    return opts, '\n'.join(lines[i:]).strip('\n')

def output_html_texts(cell):
    "The HTML and Markdown texts of a cell's outputs"
    for o in cell.get('outputs', []):
        for k in ('text/html', 'text/markdown'):
            v = o.get('data', {}).get(k)
            if v is not None: yield ''.join(v) if isinstance(v, list) else v

def _false(v): return v in ('false', 'no', '0')

def count_videos(nb_path: Path) -> int:
    "How many inline videos the notebook's saved outputs show on its page (cells that the docs hide excluded)"
    nb, n = json.loads(nb_path.read_text(encoding='utf-8')), 0
    for c in nb['cells']:
        if c['cell_type'] != 'code': continue
        opts, _ = split_directives(cell_source(c))
        if {'hide', 'export', 'exporti'} & opts.keys() or _false(opts.get('include', '')) or _false(opts.get('output', '')):
            continue
        n += sum(len(VIDEO_RE.findall(t)) for t in output_html_texts(c))
    return n

def check_flagged_imports(nbs: Path, flags: list[str]):
    """nbdev's docs processing (`exec_show_docs`) runs every cell that contains an import, flagged or not; a `slow`
    or `gpu` cell with an import would train during the docs build (here and in the Quarto deploy). Refuse it."""
    bad = []
    for p in sorted(nbs.rglob('*.ipynb')):
        if any(part.startswith(('_', '.')) for part in p.relative_to(nbs).parts): continue
        for i, c in enumerate(json.loads(p.read_text(encoding='utf-8'))['cells']):
            if c['cell_type'] != 'code': continue
            opts, body = split_directives(cell_source(c))
            flag = next((f for f in flags if f in opts), None)
            if flag and not _false(opts.get('eval', '')) and re.search(r'^\s*(import|from)\s+\S', body, re.MULTILINE):
                bad.append(f"{p.relative_to(nbs.parent)} cell {i} (#| {flag})")
    if bad:
        raise DocsError("cells flagged " + '/'.join(flags) + " contain imports, so nbdev's docs build would run them "
                        "(exec_show_docs runs every cell that imports); move the imports to the notebook's imports "
                        "cell: " + '; '.join(bad))

# ---------------------------------------------------------------- text fixes (what Quarto/Pandoc does with these)

def pandoc_id(raw: str) -> str:
    "Pandoc's auto identifier (what Quarto uses and nbdev's doc links point to) from nbconvert's heading id"
    s = html.unescape(unquote(raw)).replace('-', ' ').strip().lower()
    s = re.sub(r'[^\w\s.-]', '', s)
    s = re.sub(r'\s+', '-', s)
    s = re.sub(r'^[^a-z]+', '', s)
    return s or 'section'

def fix_pandoc_markdown(text: str) -> str:
    "Pandoc-only Markdown that nbconvert's renderer would show verbatim, as HTML"
    text = PANDOC_LINK_RE.sub(lambda m: f'<a href="{m.group(2)}" {m.group(3)}>{m.group(1)}</a>', text)
    def _open(m):
        spec = m.group(1) if m.group(1) is not None else '.' + m.group(2)
        classes = ' '.join(t[1:] for t in spec.split() if t.startswith('.'))
        return f'\n<div class="{classes}">\n'
    text = FENCE_OPEN_RE.sub(_open, text)
    return FENCE_CLOSE_RE.sub('\n</div>\n', text)

def relative_links(text: str, site_url: str, page_dir: str) -> str:
    "Links to the published site (nbdev's doc links) as links within this site"
    if not site_url: return text
    def _rel(m):
        target = m.group(2)
        path, _, frag = target.partition('#')
        rel = posixpath.relpath(path or 'index.html', page_dir or '.')
        return m.group(1) + rel + (f'#{pandoc_id(frag)}' if frag else '')
    return re.sub(r'(\(|href=")' + re.escape(site_url) + r'([^)"\s]*)', _rel, text)

# ---------------------------------------------------------------- processing and conversion

def process_notebooks(cfg, workers: int, force: bool) -> Path:
    "nbdev's processing of nbs/ into _proc/ (nbdev_proc_nbs without its Quarto install)"
    from nbdev.serve import proc_nbs
    return Path(proc_nbs(path=cfg.nbs_path, n_workers=workers, force=force))

def read_page(proc: Path, nb_path: Path, site_url: str, readme: bool = False):
    "A processed notebook, tidied for nbconvert as Quarto renders it, with its front matter"
    import nbformat, yaml
    nb = nbformat.read(nb_path, as_version=4)
    fm = {}
    if nb.cells and nb.cells[0].cell_type == 'raw' and (m := FM_RE.match(cell_source(nb.cells[0]))):
        fm = yaml.safe_load(m.group(1)) or {}
        nb.cells.pop(0)
    rel = nb_path.relative_to(proc)
    page = (rel.parent/fm.get('output-file', rel.with_suffix('.html').name)).as_posix()
    page_dir = posixpath.dirname(page)
    fix = (lambda t: fix_pandoc_markdown(t)) if readme else (lambda t: relative_links(fix_pandoc_markdown(t), site_url, page_dir))
    cells = []
    for c in nb.cells:
        src = cell_source(c)
        if c.cell_type == 'markdown':
            if not src.strip(): continue
            c.source = fix(src)
        elif c.cell_type == 'code':
            opts, body = split_directives(src)
            if _false(opts.get('include', '')): continue
            if _false(opts.get('output', '')): c.outputs = []
            c.source = body
            if _false(opts.get('echo', '')) or not body.strip():     # nbconvert's way to drop a cell's input box
                c.metadata.setdefault('transient', {})['remove_source'] = True
            for o in c.get('outputs', []):
                for k in ('text/markdown', 'text/html'):
                    if k in o.get('data', {}): o.data[k] = fix(''.join(o.data[k]) if isinstance(o.data[k], list) else o.data[k])
            if not body.strip() and not c.get('outputs'): continue
        cells.append(c)
    nb.cells = cells
    nb.metadata.pop('widgets', None)   # empty widget state would pull the widget manager from a CDN
    return nb, fm, page

def _section_name(d): return re.sub(r'^\d+[a-zA-Z0-9]*_', '', d)   # nbdev_sidebar strips number prefixes

def sidebar_html(pages, current: str) -> str:
    "Nested list of every page, sections for subfolders (nbdev_sidebar's order: index first, then by path)"
    out, cur_dir = ['<ul>'], ''
    for p in pages:
        d = posixpath.dirname(p['path'])
        if d != cur_dir:
            if cur_dir: out.append('</ul></li>')
            if d: out.append(f'<li><div class="section">{html.escape(_section_name(d))}</div><ul>')
            cur_dir = d
        href = posixpath.relpath(p['path'], posixpath.dirname(current) or '.')
        cls = ' class="active" aria-current="page"' if p['path'] == current else ''
        out.append(f'<li><a href="{html.escape(href)}"{cls}>{html.escape(p["title"])}</a></li>')
    if cur_dir: out.append('</ul></li>')
    out.append('</ul>')
    return '\n'.join(out)

def finish_html(body: str) -> str:
    "Pandoc-style heading ids (the ones nbdev's doc links use) and the 'On this page' list"
    body = HEADING_ID_RE.sub(lambda m: f'<{m.group(1)} id="{pandoc_id(m.group(2))}"', body)
    body = ANCHOR_RE.sub(lambda m: f'{m.group(1)}{pandoc_id(m.group(2))}"', body)
    items = [f'<li class="toc-{h}"><a href="#{i}">{re.sub(r"<[^>]+>", "", t).strip()}</a></li>'
             for h, i, t in TOC_RE.findall(body)]
    toc = ('<div class="toc-title">On this page</div><ul>' + ''.join(items) + '</ul>') if items else ''
    return body.replace('<!--MAGVIT-TOC-->', toc, 1)

def _sort_key(rel: Path):
    # nbdev_sidebar: folder by folder, index first, then by name
    return (rel.parent.as_posix(), '00' if rel.name.startswith('index.') else rel.name)

def build_site(cfg, proc: Path, out: Path) -> list[dict]:
    from nbconvert import HTMLExporter
    from nbconvert.filters import markdown2html
    site_url = f"{cfg.doc_host}{cfg.doc_baseurl}".rstrip('/') + '/'
    nbs = Path(cfg.nbs_path)
    sources = sorted((p.relative_to(proc) for p in proc.rglob('*.ipynb')
                      if not any(s.startswith(('_', '.')) for s in p.relative_to(proc).parts)), key=_sort_key)
    if not sources: raise DocsError(f"no processed notebooks in {proc}")
    pages = []
    for rel in sources:
        nb, fm, page = read_page(proc, proc/rel, site_url)
        src = nbs/rel
        pages.append(dict(path=page, title=str(fm.get('title', rel.stem)), description=str(fm.get('description', '')),
                          source=(Path(cfg.nbs_path).name/rel).as_posix(), videos=count_videos(src) if src.exists() else 0,
                          nb=nb))
    if out.exists(): shutil.rmtree(out)
    (out/'assets').mkdir(parents=True)
    exporter = HTMLExporter(extra_template_basedirs=[str(TEMPLATES)], template_name='magvit',
                            exclude_input_prompt=True, exclude_output_prompt=True, anchor_link_text='¶')
    for p in pages:
        root = posixpath.relpath('.', posixpath.dirname(p['path']) or '.')
        root = '' if root == '.' else root + '/'
        site = dict(title=p['title'], description=p['description'], description_html=markdown2html(p['description'])
                    .strip().removeprefix('<p>').removesuffix('</p>'), root=root, source=p['source'],
                    site_title=cfg.title, site_description=cfg.get('description', ''), sidebar=sidebar_html(pages, p['path']))
        body, _ = exporter.from_notebook_node(p.pop('nb'), resources=dict(site=site, metadata=dict(name=p['title'])))
        dst = out/p['path']
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_text(finish_html(body), encoding='utf-8')
    # nbconvert's JupyterLab styles once for all pages, then ours; files that sit in nbs/ (images) as Quarto copies them
    (out/'assets'/'notebook.css').write_text('\n'.join(_lab_css(exporter)), encoding='utf-8')
    shutil.copy(TEMPLATES/'magvit'/'site.css', out/'assets'/'site.css')
    for f in nbs.rglob('*'):
        r = f.relative_to(nbs)
        if f.is_file() and f.suffix.lower() in {'.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.mp4', '.webm'} \
           and not any(s.startswith(('_', '.')) for s in r.parts):
            (out/r).parent.mkdir(parents=True, exist_ok=True); shutil.copy(f, out/r)
    (out/'pages.json').write_text(json.dumps(pages, indent=1) + '\n', encoding='utf-8')
    return pages

def _lab_css(exporter):
    "nbconvert's JupyterLab template CSS (index.css and the light theme), from wherever nbconvert installed it"
    for d in exporter.template_paths:
        static = Path(d)/'static'
        if (static/'index.css').exists() and (static/'theme-light.css').exists() and Path(d).name == 'lab':
            return [(static/'index.css').read_text(encoding='utf-8'), (static/'theme-light.css').read_text(encoding='utf-8')]
    raise DocsError(f"nbconvert's lab template CSS not found in {exporter.template_paths}")

# ---------------------------------------------------------------- README.md

README_FILES = 'README_files'
DATA_URI_RE = re.compile(r'src="data:image/(gif|png|jpeg|svg\+xml);base64,([A-Za-z0-9+/=\s]+)"')

def readme_text(cfg, proc: Path) -> tuple[str, dict]:
    """README.md from the processed index notebook, as `nbdev_readme` makes it (title, summary, cells as Markdown),
    and its image files (`README_files/`): GitHub shows no `data:` images, so inline GIFs become files too"""
    import base64
    from nbconvert import MarkdownExporter
    readme_nb = cfg.get('readme_nb', 'index.ipynb')
    if not (proc/readme_nb).exists(): raise DocsError(f"{proc/readme_nb} missing: nothing to make README.md from")
    nb, fm, _ = read_page(proc, proc/readme_nb, '', readme=True)
    body, res = MarkdownExporter(exclude_input_prompt=True, exclude_output_prompt=True).from_notebook_node(
        nb, resources=dict(output_files_dir=README_FILES, unique_key='output'))
    files, n = dict(res.get('outputs', {})), iter(range(10**6))
    def _extract(m):
        name = f"{README_FILES}/inline_{next(n)}.{m.group(1).split('+')[0]}"
        files[name] = base64.b64decode(re.sub(r'\s', '', m.group(2)))
        return f'src="{name}"'
    body = DATA_URI_RE.sub(_extract, body)
    head = f"# {fm.get('title', cfg.lib_name)}\n\n" + (f"> {fm['description']}\n\n" if fm.get('description') else '')
    body = re.sub(r'\n{3,}', '\n\n', body).strip()
    return head + body + '\n', files

def write_readme(cfg, proc: Path, check: bool) -> bool:
    root = Path(cfg.config_path)
    text, files = readme_text(cfg, proc)
    readme, fdir = root/'README.md', root/README_FILES
    old_files = {f.relative_to(root).as_posix() for f in fdir.rglob('*') if f.is_file()} if fdir.exists() else set()
    if check:
        old = readme.read_text(encoding='utf-8') if readme.exists() else ''
        stale = sorted([f for f, b in files.items() if not (root/f).exists() or (root/f).read_bytes() != b]
                       + [f + ' (no longer made)' for f in old_files - set(files)])
        if old == text and not stale: return True
        sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), text.splitlines(True), 'README.md (committed)',
                                                   'README.md (from nbs/index.ipynb)'))
        for f in stale: print(f"differs or missing: {f}")
        return False
    readme.write_text(text, encoding='utf-8')
    shutil.rmtree(fdir, ignore_errors=True)
    for f, b in files.items():
        (root/f).parent.mkdir(parents=True, exist_ok=True); (root/f).write_bytes(b)
    return True

# ---------------------------------------------------------------- command line

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--out', default='_site', help="site folder, relative to the repository root (default: _site)")
    g = ap.add_mutually_exclusive_group()
    g.add_argument('--readme', action='store_true', help="also write README.md from nbs/index.ipynb")
    g.add_argument('--check-readme', action='store_true', help="fail if README.md is not what nbs/index.ipynb makes")
    ap.add_argument('--skip-site', action='store_true', help="do not build the site (with --readme/--check-readme)")
    ap.add_argument('--cached', action='store_true', help="reuse _proc/ where notebooks are unchanged (nbdev's cache)")
    ap.add_argument('--workers', type=int, default=None, help="processes for nbdev's processing (default: all cores)")
    a = ap.parse_args(argv)
    from nbdev.config import get_config
    from fastcore.parallel import defaults
    cfg = get_config()
    t0 = time.time()
    try:
        flags = cfg.get('tst_flags', '').split()      # as nbdev_test reads them: words separated by spaces
        if bad := [f for f in flags if not re.fullmatch(r'[\w-]+', f)]:
            raise DocsError(f"settings.ini tst_flags has {bad}: nbdev_test splits tst_flags on spaces, so such a flag matches no "
                            "cell and every flagged cell runs in the tests; write them as `tst_flags = slow gpu`")
        check_flagged_imports(Path(cfg.nbs_path), flags)
        proc = process_notebooks(cfg, a.workers or defaults.cpus, force=not a.cached)
        log(f"processed notebooks into {proc} ({time.time()-t0:.1f}s)")
        if a.readme or a.check_readme:
            ok = write_readme(cfg, proc, check=a.check_readme)
            if not ok:
                print("FAIL: README.md is out of sync with nbs/index.ipynb: run `python .ci/build_docs.py --readme "
                      "--skip-site` and commit README.md", file=sys.stderr)
                return 1
            log("README.md is in sync with nbs/index.ipynb" if a.check_readme else "wrote README.md")
        if not a.skip_site:
            out = Path(cfg.config_path)/a.out
            pages = build_site(cfg, proc, out)
            log(f"wrote {len(pages)} pages to {out} ({sum(p['videos'] for p in pages)} videos; {time.time()-t0:.1f}s): "
                + ', '.join(p['path'] for p in pages))
    except DocsError as e:
        print(f"build_docs: error: {e}", file=sys.stderr)
        return 1
    return 0

if __name__ == '__main__': sys.exit(main())
