#!/usr/bin/env python
"""Figures of the package's shape (issue 12's goals): lines, the longest chain of module-level package imports, and
hand-written argparse calls. Reads the source as text; imports nothing of it.

    python scripts/package_stats.py [PACKAGE_DIR]   # default: magvit_traj
"""
import ast, functools, sys
from pathlib import Path


def module_imports(pkg:Path)->dict:
    "module -> the package modules it imports at module level (imports inside functions are lazy and do not count)"
    mods = {p.stem: p for p in pkg.glob('*.py') if p.stem not in ('_modidx', '__init__')}
    deps = {}
    for name, path in mods.items():
        found = set()
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ImportFrom) and node.module and (node.level or node.module.startswith(pkg.name)):
                if (m := node.module.split('.')[-1]) in mods: found.add(m)
        deps[name] = found
    return deps


def longest_chain(deps:dict)->tuple:
    @functools.lru_cache(None)
    def chain(m): return (m,) + max((chain(d) for d in deps[m]), key=len, default=())
    return max((chain(m) for m in deps), key=len)


def main(pkg:Path):
    files = [p for p in pkg.glob('*.py') if p.stem != '_modidx']
    best = longest_chain(module_imports(pkg))
    print(f"package lines (without _modidx): {sum(len(p.read_text().splitlines()) for p in files)}")
    print(f"longest import chain: {len(best)} modules: {' -> '.join(best)}")
    print(f"argparse calls written by hand: {sum(p.read_text().count('add_flag(') + p.read_text().count('add_argument(') for p in files)}")


if __name__ == '__main__': main(Path(sys.argv[1] if len(sys.argv) > 1 else 'magvit_traj'))
