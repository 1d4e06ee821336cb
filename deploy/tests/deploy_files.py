"""Readers for the offline manifest tests: the repository's files, parsed as the tools would.
The fixtures are imported by the test modules: no conftest.py here, because `./eigenstudy test` runs
several test folders in one pytest session and a second module named conftest would shadow theirs."""

import pathlib
import re

import pytest
import yaml

DEPLOY = pathlib.Path(__file__).resolve().parents[1]
REPO = DEPLOY.parent
BACKEND_MAIN = REPO / "backend" / "src" / "main"


def load_yaml_documents(path):
    with open(path, encoding="utf-8") as handle:
        return [doc for doc in yaml.safe_load_all(handle) if doc is not None]


def kustomize_resources(directory):
    """The documents a kustomization includes, keyed by (kind, name)."""
    kustomization = load_yaml_documents(directory / "kustomization.yaml")[0]
    documents = {}
    for resource in kustomization["resources"]:
        for doc in load_yaml_documents(directory / resource):
            documents[(doc["kind"], doc["metadata"]["name"])] = doc
    return kustomization, documents


def containerfile_directives(path, directive):
    """Arguments of every `directive` line of a Containerfile, with line continuations joined."""
    text = path.read_text(encoding="utf-8").replace("\\\n", " ")
    pattern = re.compile(r"^\s*" + directive + r"\s+(.*)$", re.IGNORECASE | re.MULTILINE)
    return [match.group(1).strip() for match in pattern.finditer(text)]


def application_properties():
    """application.properties as key -> raw value (no placeholder expansion)."""
    properties = {}
    path = BACKEND_MAIN / "resources" / "application.properties"
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            properties[key.strip()] = value.strip()
    return properties


@pytest.fixture(scope="session")
def base():
    return kustomize_resources(DEPLOY / "k8s" / "base")


@pytest.fixture(scope="session")
def precompute():
    return kustomize_resources(DEPLOY / "k8s" / "precompute")


@pytest.fixture(scope="session")
def compose():
    return load_yaml_documents(DEPLOY / "docker-compose.yml")[0]


@pytest.fixture(scope="session")
def backend_container(base):
    _, documents = base
    containers = documents[("Deployment", "eigenstudy-backend")]["spec"]["template"]["spec"][
        "containers"
    ]
    return next(c for c in containers if c["name"] == "backend")
