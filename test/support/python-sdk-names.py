# Checks that Python programs use only what a generated SDK package has, without installing
# anything (running them needs `pulumi` from PyPI): every `runai.<name>` the package exports
# (the `__all__` of the modules its __init__.py star-imports, and its submodules), every keyword
# argument of a call to a class or function of it (its `__init__` overloads' or its own
# parameters), and every member of an enum of it (`runai.ProjectScope.PROJECT`).
# Usage: python-sdk-names.py <package dir> <programs dir>. Prints each unknown name and exits 1
# when there is one; prints the counts else.
import ast
import pathlib
import sys

package = pathlib.Path(sys.argv[1])
programs = sorted(pathlib.Path(sys.argv[2]).rglob("*.py"))
alias = "runai"

init = ast.parse((package / "__init__.py").read_text(encoding="utf-8"))
exported = {}  # name -> its definition (ClassDef or FunctionDef), or None for a submodule
for node in init.body:
    if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module and node.names[0].name == "*":
        tree = ast.parse((package / f"{node.module}.py").read_text(encoding="utf-8"))
        names = next(
            ast.literal_eval(statement.value)
            for statement in tree.body
            if isinstance(statement, ast.Assign) and getattr(statement.targets[0], "id", "") == "__all__"
        )
        definitions = {d.name: d for d in tree.body if isinstance(d, (ast.ClassDef, ast.FunctionDef))}
        exported.update({name: definitions.get(name) for name in names})
    elif isinstance(node, ast.ImportFrom) and node.level == 1 and not node.module:
        exported.update({name.name: None for name in node.names if not name.name.startswith("_")})
for sub in package.iterdir():
    if sub.is_dir() and (sub / "__init__.py").is_file():
        exported[sub.name] = None


def parameters(definition):
    """The keyword names a call of this class (its __init__ overloads) or function accepts."""
    functions = [definition] if isinstance(definition, ast.FunctionDef) else [
        f for f in definition.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"
    ]
    return {a.arg for f in functions for a in f.args.args + f.args.kwonlyargs}


def members(definition):
    """The attributes a class defines in its body (an enum's members)."""
    return {t.id for s in definition.body if isinstance(s, ast.Assign) for t in s.targets if isinstance(t, ast.Name)}


def sdk_name(node):
    """`X` when node is `runai.X`, else None."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == alias:
        return node.attr
    return None


unknown = []
used = set()
for program in programs:
    tree = ast.parse(program.read_text(encoding="utf-8"), filename=str(program))
    where = program.relative_to(sys.argv[2])
    for node in ast.walk(tree):
        name = sdk_name(node)
        if name is not None:
            used.add(name)
            if name not in exported:
                unknown.append(f"{where}: {alias}.{name}")
        elif isinstance(node, ast.Attribute) and sdk_name(node.value) in exported:
            definition = exported[sdk_name(node.value)]
            if isinstance(definition, ast.ClassDef) and node.attr not in members(definition):
                unknown.append(f"{where}: {alias}.{sdk_name(node.value)}.{node.attr}")
        if isinstance(node, ast.Call) and exported.get(sdk_name(node.func)) is not None:
            accepted = parameters(exported[sdk_name(node.func)])
            for keyword in node.keywords:
                if keyword.arg is not None and keyword.arg not in accepted:
                    unknown.append(f"{where}: {alias}.{sdk_name(node.func)}({keyword.arg}=…)")

for line in unknown:
    print(line)
print(f"{len(programs)} programs checked, {len(used)} names of {package.name} used, {len(unknown)} unknown")
sys.exit(1 if unknown else 0)
