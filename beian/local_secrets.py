"""Development secrets generated once into var/ so the embedded default needs no configuration.

Production sets the variables instead; a generated file never leaves the machine (var/ is ignored).
"""

import os
import secrets
from pathlib import Path


def local_secret(path: Path, length: int) -> str:
    """Return the secret stored at path, creating it first if needed.

    Written to a temporary file and hard-linked into place, so processes that race (parallel test
    workers, web server and task worker) all end up reading the same complete value.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_text(secrets.token_urlsafe(length)[:length], encoding="ascii")
        temporary.chmod(0o600)
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    return path.read_text(encoding="ascii").strip()
