#!/usr/bin/env python
"""Read the built docs site as a person would: serve `_site/` on 127.0.0.1, open every page in headless Chromium.

For each page listed in `_site/pages.json` (written by `.ci/build_docs.py`), with Playwright driving Debian's Chromium
(never `playwright install`: no browser is downloaded):
- it loads (HTTP 200) with no console error, no uncaught page error and no failed or >= 400 request;
- it shows the title and a sidebar that links to every page;
- it shows as many videos (`img.magvit-video` or `<video>`) as its notebook's saved outputs hold, each decoded, with a
  non-zero rendered size (GIF frame counts are printed; Pillow stores a still video as one frame); the home page must load, and every page under
  `tutorials/` (or, until one exists, some page) must show at least one video;
- every link within the site leads to a page that exists and, with a `#fragment`, to an element with that id;
- a full-page screenshot goes to `_site_screenshots/<page>.png` (a CI artifact).

usage: python .ci/test_docs.py [--site _site] [--shots _site_screenshots] [--browser /usr/bin/chromium]
Exit status 1 when any check fails; the last line reads `docs: N passed, M failed` (one per page, plus the links).
"""
from __future__ import annotations
import argparse, base64, functools, http.server, io, json, os, shutil, sys, threading, time
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

# Chromium on a machine with no network but package registries, running as root (see the environment notes)
CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                 '--disable-background-networking', '--disable-component-update', '--disable-sync']
BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']
VIDEOS = 'img.magvit-video, video'

def find_browser(given: str | None) -> str:
    for b in [given, os.environ.get('DOCS_BROWSER')] + BROWSERS:
        if b and Path(b).exists(): return b
        if b and shutil.which(b): return shutil.which(b)
    sys.exit("test_docs: no Chromium found (apt-get install -y chromium, or --browser PATH)")

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a): pass

def serve(site: Path):
    "A static server for `site` on 127.0.0.1 (a free port) in a daemon thread"
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, f"http://127.0.0.1:{srv.server_address[1]}/"

def gif_frames(src: str) -> int | None:
    "Frames in a `data:image/gif;base64,` image, or None for anything else"
    if not src.startswith('data:image/gif;base64,'): return None
    from PIL import Image
    return getattr(Image.open(io.BytesIO(base64.b64decode(src.split(',', 1)[1]))), 'n_frames', 1)

def check_page(page, base: str, entry: dict, all_paths: list[str], shots: Path) -> tuple[list[str], set, set]:
    "Problems found on one page, the site links it has and the ids it defines"
    errors, problems = [], []
    page.on('console', lambda m: m.type == 'error' and errors.append(f"console error: {m.text}"))
    page.on('pageerror', lambda e: errors.append(f"page error: {e}"))
    page.on('requestfailed', lambda r: errors.append(f"request failed: {r.url[:120]} ({r.failure})"))
    page.on('response', lambda r: r.status >= 400 and errors.append(f"HTTP {r.status}: {r.url[:120]}"))
    url = urljoin(base, entry['path'])
    resp = page.goto(url, wait_until='load')
    if resp is None or resp.status != 200: problems.append(f"status {resp and resp.status}")
    page.wait_for_load_state('networkidle')
    title = page.locator('main h1.title').inner_text().strip()
    if title != entry['title']: problems.append(f"title {title!r}, expected {entry['title']!r}")
    side = {urldefrag(urljoin(url, h))[0] for h in page.eval_on_selector_all('nav.site-sidebar a', 'els => els.map(e => e.getAttribute("href"))')}
    missing = [p for p in all_paths if urljoin(base, p) not in side]
    if missing: problems.append(f"sidebar lacks {missing}")
    vids, frames = page.locator(VIDEOS), []
    n = vids.count()
    if n != entry['videos']: problems.append(f"{n} videos shown, the notebook's outputs hold {entry['videos']}")
    for i in range(n):
        v = vids.nth(i)
        box = v.bounding_box()   # None when not rendered (display: none)
        info = v.evaluate("e => e.tagName === 'IMG' ? {ok: e.complete && e.naturalWidth > 0, w: e.naturalWidth, src: e.src}"
                          " : {ok: e.readyState >= 1 && e.videoWidth > 0 && !e.error, w: e.videoWidth, src: ''}")
        if not box or box['width'] <= 0 or box['height'] <= 0: problems.append(f"video {i} has no rendered size ({box})")
        if not info['ok']: problems.append(f"video {i} did not decode ({info['w']} px wide)")
        frames.append(gif_frames(info['src']))
    shot = shots/(entry['path'].removesuffix('.html').replace('/', '__') + '.png')
    page.add_style_tag(content='.site-sidebar, .site-toc { position: static !important; max-height: none !important }')
    page.screenshot(path=str(shot), full_page=True)   # (sticky side columns would float to the bottom of a full-page shot)
    links = {urljoin(url, h) for h in page.eval_on_selector_all('a[href]', 'els => els.map(e => e.getAttribute("href"))')}
    links = {l for l in links if l.startswith(base)}
    ids = set(page.eval_on_selector_all('[id]', 'els => els.map(e => e.id)'))
    return problems + errors, links, ids, frames

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--site', default='_site')
    ap.add_argument('--shots', default='_site_screenshots')
    ap.add_argument('--browser', default=None, help="Chromium executable (default: $DOCS_BROWSER or /usr/bin/chromium)")
    a = ap.parse_args(argv)
    site, shots = Path(a.site), Path(a.shots)
    manifest = site/'pages.json'
    if not manifest.exists(): sys.exit(f"test_docs: {manifest} missing: run python .ci/build_docs.py first")
    pages = json.loads(manifest.read_text())
    shutil.rmtree(shots, ignore_errors=True); shots.mkdir(parents=True)
    from playwright.sync_api import sync_playwright
    srv, base = serve(site)
    t0, failed, passed = time.time(), [], 0
    paths = [p['path'] for p in pages]
    site_links, site_ids = {}, {}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=find_browser(a.browser), args=CHROMIUM_ARGS)
            ctx = browser.new_context(viewport={'width': 1400, 'height': 900})
            for entry in pages:
                page = ctx.new_page()
                page.set_default_timeout(15_000)
                try: problems, links, ids, frames = check_page(page, base, entry, paths, shots)
                except Exception as e: problems, links, ids, frames = [f"{type(e).__name__}: {e}"], set(), None, []
                finally: page.close()
                site_links[entry['path']], site_ids[urljoin(base, entry['path'])] = links, ids
                if problems: failed.append(entry['path']); print(f"FAIL {entry['path']}: " + '; '.join(problems))
                else:
                    passed += 1
                    gifs = ', '.join(f"{f} frames" if f else 'not a GIF' for f in frames)
                    print(f"ok   {entry['path']} ({entry['videos']} videos{': ' + gifs if gifs else ''})")
            browser.close()
    finally:
        srv.shutdown()
    # rules about the site as a whole
    site_rules = []
    if 'index.html' not in paths: site_rules.append("no home page index.html")
    tutorials = [p for p in pages if p['path'].startswith('tutorials/')]
    for t in tutorials:
        if t['videos'] < 1: site_rules.append(f"tutorial {t['path']} shows no video")
    if not any(p['videos'] for p in pages): site_rules.append("no page shows a video")
    bad_links = []
    for src, links in site_links.items():
        for l in sorted(links):
            target, frag = urldefrag(l)
            tpath = urlparse(target).path.lstrip('/')
            if target in site_ids:
                if frag and site_ids[target] is not None and frag not in site_ids[target]: bad_links.append(f"{src} -> {tpath}#{frag} (no such id)")
            elif not (site/tpath).is_file(): bad_links.append(f"{src} -> {tpath} (no such file)")
    if bad_links: site_rules.append("broken links: " + '; '.join(bad_links))
    for r in site_rules: print(f"FAIL site: {r}")
    if site_rules: failed.append('site')
    else: passed += 1; print(f"ok   site: home page, videos, {sum(map(len, site_links.values()))} internal links")
    print(f"test_docs: {len(pages)} pages in {time.time()-t0:.1f}s; screenshots in {shots}/")
    print(f"docs: {passed} passed, {len(failed)} failed")
    return 1 if failed else 0

if __name__ == '__main__': sys.exit(main())
