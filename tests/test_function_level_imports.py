"""ADR 0106: an import of the project's own code inside a function says why it is not at module level
(`# Imported here: …` on the import, or in the comment lines just above it or above the first import
of its block). import-linter checks where such an import may point; this test checks it is explained."""

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "beian"
REASON = "Imported here"


def _function_level_imports(tree: ast.AST):
    """(function, import) pairs of the project's own imports inside functions."""
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("beian"):
                    yield function, node
                elif isinstance(node, ast.Import) and any(a.name.startswith("beian") for a in node.names):
                    yield function, node


def _ready_explained(lines: list[str], function) -> bool:
    """An AppConfig.ready() explains its imports once, anywhere in its body."""
    return function.name == "ready" and any(REASON in line for line in
                                            lines[function.lineno - 1:function.end_lineno])


def _explained(lines: list[str], line_number: int) -> bool:
    """The import's line, or the comment/import lines going up from it, carry the reason."""
    index = line_number - 1
    while index >= 0:
        text = lines[index].strip()
        if REASON in text:
            return True
        if not (text.startswith(("#", "from ", "import ")) or index == line_number - 1 or text == ""
                or text.endswith(("(", ",", ")"))):
            return False
        index -= 1
    return False


def test_every_function_level_import_of_project_code_gives_its_reason():
    unexplained = []
    for path in sorted(SOURCE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for function, node in _function_level_imports(ast.parse(text)):
            if not (_ready_explained(lines, function) or _explained(lines, node.lineno)):
                unexplained.append(f"{path.relative_to(SOURCE.parent)}:{node.lineno}")
    assert not unexplained, "function-level imports without '# Imported here: …': " + ", ".join(unexplained)
