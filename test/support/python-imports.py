# Checks that a generated Python package's modules import one another correctly, without
# installing anything: every relative import (`from . import x`, `from .._inputs import *`) names a
# module or package that exists in the package. Absolute imports (pulumi, typing) are left alone:
# they need PyPI. Prints each broken import and exits 1 when there is one; prints the count else.
import ast
import pathlib
import sys

root = pathlib.Path(sys.argv[1])
broken = []
checked = 0


def exists(module_dir: pathlib.Path, parts: list) -> bool:
    target = module_dir.joinpath(*parts)
    return (target.with_suffix(".py")).is_file() or (target / "__init__.py").is_file() or not parts


for source in root.rglob("*.py"):
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or node.level == 0:
            continue
        base = source.parent
        for _ in range(node.level - 1):
            base = base.parent
        parts = node.module.split(".") if node.module else []
        checked += 1
        if not exists(base, parts):
            broken.append(f"{source.relative_to(root)}: from {'.' * node.level}{node.module or ''}")
            continue
        if not parts:  # from . import a, b: each is a module or a package
            for alias in node.names:
                checked += 1
                if not exists(base, [alias.name]):
                    broken.append(f"{source.relative_to(root)}: from {'.' * node.level} import {alias.name}")

for line in broken:
    print(line)
print(f"{checked} relative imports checked, {len(broken)} broken")
sys.exit(1 if broken else 0)
