"""A PEP 517 build backend in the standard library alone, for this one package: pip builds the
wheel (or an editable install, PEP 660) without setuptools or wheel, offline, with or without build
isolation. It reads the [project] table of pyproject.toml (name, version, description,
requires-python, entry points) and packs src/."""
import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src"
TAG = "py3-none-any"


def _project():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    try:
        import tomllib  # Python 3.11 and later
        return tomllib.loads(text)["project"]
    except ImportError:
        return _read_toml_subset(text)["project"]


def _read_toml_subset(text):
    """The little TOML pyproject.toml uses here: [tables], key = "string", key = { text = "..." }."""
    document, table = {}, None
    for raw in text.splitlines():
        line = raw.split(" #")[0].strip()
        if not line or line.startswith("#"):
            continue
        header = re.fullmatch(r"\[([^\]]+)\]", line)
        if header:
            table = document
            for part in re.findall(r'"[^"]*"|[^.]+', header.group(1)):
                table = table.setdefault(part.strip('"'), {})
            continue
        key, _, value = (part.strip() for part in line.partition("="))
        inline = re.fullmatch(r"\{\s*(\w+)\s*=\s*\"([^\"]*)\"\s*\}", value)
        table[key] = {inline.group(1): inline.group(2)} if inline else value.strip('"')
    return document


def _names(project):
    distribution = re.sub(r"[-_.]+", "_", project["name"]).lower()
    return distribution, f"{distribution}-{project['version']}"


def _metadata(project):
    lines = ["Metadata-Version: 2.1", f"Name: {project['name']}", f"Version: {project['version']}"]
    if project.get("description"):
        lines.append(f"Summary: {project['description']}")
    if project.get("requires-python"):
        lines.append(f"Requires-Python: {project['requires-python']}")
    readme = ROOT / project.get("readme", "README.md")
    if readme.is_file():
        lines += ["Description-Content-Type: text/markdown", "", readme.read_text(encoding="utf-8")]
    return "\n".join(lines) + "\n"


def _entry_points(project):
    text = ""
    for group, entries in project.get("entry-points", {}).items():
        text += f"[{group}]\n" + "".join(f"{name} = {target}\n" for name, target in entries.items()) + "\n"
    return text


def _dist_info(project):
    _, base = _names(project)
    info = f"{base}.dist-info"
    return info, {
        f"{info}/METADATA": _metadata(project),
        f"{info}/WHEEL": f"Wheel-Version: 1.0\nGenerator: notifications_build\nRoot-Is-Purelib: true\nTag: {TAG}\n",
        f"{info}/entry_points.txt": _entry_points(project),
    }


def _write_wheel(directory, files):
    project = _project()
    _, base = _names(project)
    info, metadata = _dist_info(project)
    files = dict(files)
    files.update({name: text.encode("utf-8") for name, text in metadata.items()})
    record = []
    name = f"{base}-{TAG}.whl"
    with zipfile.ZipFile(os.path.join(directory, name), "w", zipfile.ZIP_DEFLATED) as wheel:
        for path in sorted(files):
            data = files[path]
            wheel.writestr(zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0)), data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.append(f"{path},sha256={digest},{len(data)}")
        record.append(f"{info}/RECORD,,")
        wheel.writestr(zipfile.ZipInfo(f"{info}/RECORD", date_time=(1980, 1, 1, 0, 0, 0)), "\n".join(record) + "\n")
    return name


def _sources():
    return {path.relative_to(SOURCES).as_posix(): path.read_bytes()
            for path in sorted(SOURCES.rglob("*.py")) if "__pycache__" not in path.parts}


def get_requires_for_build_wheel(config_settings=None):
    return []


get_requires_for_build_editable = get_requires_for_build_wheel
get_requires_for_build_sdist = get_requires_for_build_wheel


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    info, files = _dist_info(_project())
    for path, text in files.items():
        target = Path(metadata_directory, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return info


prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _write_wheel(wheel_directory, _sources())


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    distribution, _ = _names(_project())
    return _write_wheel(wheel_directory, {f"_{distribution}_editable.pth": (str(SOURCES) + "\n").encode("utf-8")})


def build_sdist(sdist_directory, config_settings=None):
    _, base = _names(_project())
    name = f"{base}.tar.gz"
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz") as sdist:
        for path in ["pyproject.toml", "README.md", "_build/notifications_build.py",
                     *("src/" + source for source in _sources())]:
            data = (ROOT / path).read_bytes()
            entry = tarfile.TarInfo(f"{base}/{path}")
            entry.size = len(data)
            sdist.addfile(entry, io.BytesIO(data))
        pkg_info = _metadata(_project()).encode("utf-8")
        entry = tarfile.TarInfo(f"{base}/PKG-INFO")
        entry.size = len(pkg_info)
        sdist.addfile(entry, io.BytesIO(pkg_info))
    return name
