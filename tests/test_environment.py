"""pyproject.toml is the source of truth for dependencies; environment.yml must mirror it."""

import re
import tomllib

import yaml

from analysis.paths import PROJECT_DIR


def _name_and_spec(requirement: str) -> tuple[str, str]:
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*", requirement)
    assert match, requirement
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def test_environment_yml_mirrors_pyproject():
    project = tomllib.loads((PROJECT_DIR / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = dict(map(_name_and_spec, project["dependencies"]))
    for extra in project["optional-dependencies"].values():
        wanted.update(map(_name_and_spec, extra))
    wanted["python"] = project["requires-python"]

    environment = yaml.safe_load((PROJECT_DIR / "environment.yml").read_text(encoding="utf-8"))
    conda = dict(
        _name_and_spec(item)
        for item in environment["dependencies"]
        if isinstance(item, str) and item != "pip"
    )
    assert conda == wanted
