"""The backend's container, compose service and Kubernetes objects agree with each other and with
what the application actually reads and serves."""

import re

from deploy_files import (  # noqa: F401 (fixtures)
    backend_container,
    base,
    compose,
    BACKEND_MAIN,
    DEPLOY,
    application_properties,
    containerfile_directives,
    load_yaml_documents,
)


def app_port_default():
    """The port the app listens on with the configured variable unset, from application.properties."""
    value = application_properties()["quarkus.http.port"]
    match = re.fullmatch(r"\$\{(\w+):(\d+)\}", value)
    assert match, f"quarkus.http.port should be ${{VAR:default}}, is {value}"
    return match.group(1), int(match.group(2))


def health_paths():
    """The SmallRye Health endpoints as this app configures them (Quarkus defaults unless overridden)."""
    properties = application_properties()
    root = properties.get("quarkus.http.non-application-root-path", "q").strip("/")
    health = properties.get("quarkus.smallrye-health.root-path", "health").strip("/")

    def sub(kind, default):
        return "/" + "/".join(
            [root, health, properties.get(f"quarkus.smallrye-health.{kind}-path", default).strip("/")]
        )

    return {
        "readiness": sub("readiness", "ready"),
        "liveness": sub("liveness", "live"),
        "startup": sub("startup", "started"),
    }


def names_the_app_reads():
    """Environment names the backend reads: ${NAME...} placeholders in application.properties,
    "NAME" string literals in its Java sources, and QUARKUS_* forms of quarkus.* properties that the
    app sets or configures (Quarkus maps QUARKUS_A_B_C to quarkus.a.b.c)."""
    properties_text = (BACKEND_MAIN / "resources" / "application.properties").read_text("utf-8")
    java_text = "\n".join(
        p.read_text("utf-8") for p in (BACKEND_MAIN / "java").rglob("*.java")
    )
    names = set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)[:}]", properties_text))
    names |= set(re.findall(r'"([A-Z][A-Z0-9_]{2,})"', java_text))
    quarkus_properties = set(application_properties())
    quarkus_properties |= set(re.findall(r'"(quarkus\.[a-z0-9.\-]+)"', java_text))
    names |= {p.upper().replace(".", "_").replace("-", "_") for p in quarkus_properties}
    return names


def backend_image():
    return "eigenstudy/backend:0.1.0"


def test_every_yaml_file_under_deploy_parses():
    files = sorted(DEPLOY.rglob("*.yaml")) + sorted(DEPLOY.rglob("*.yml"))
    assert len(files) >= 10
    for path in files:
        documents = load_yaml_documents(path)
        assert documents, f"{path} is empty"
        for doc in documents:
            assert isinstance(doc, dict), f"{path} holds a non-mapping document"


def test_kustomizations_list_only_existing_files_and_never_the_secret_template():
    for name in ("base", "precompute"):
        directory = DEPLOY / "k8s" / name
        kustomization = load_yaml_documents(directory / "kustomization.yaml")[0]
        for resource in kustomization["resources"]:
            assert (directory / resource).is_file(), f"{name}: {resource} missing"
        assert "secret.template.yaml" not in kustomization["resources"]


def test_image_names_agree_across_compose_kubernetes_and_kustomize(base, compose):
    kustomization, documents = base
    deployment_image = documents[("Deployment", "eigenstudy-backend")]["spec"]["template"]["spec"][
        "containers"
    ][0]["image"]
    override = next(i for i in kustomization["images"] if i["name"] == "eigenstudy/backend")
    assert compose["services"]["backend"]["image"] == deployment_image == backend_image()
    assert f"{override['name']}:{override['newTag']}" == backend_image()
    assert compose["services"]["backend"]["build"]["dockerfile"] == "deploy/Containerfile"
    assert (DEPLOY / "Containerfile").is_file()


def test_container_port_is_the_apps_port_everywhere(base, compose, backend_container):
    variable, default = app_port_default()
    assert variable == "EIGENSTUDY_PORT"
    env = dict(e.split("=", 1) for d in containerfile_directives(DEPLOY / "Containerfile", "ENV")
               for e in d.split())
    assert int(env[variable]) == default
    assert containerfile_directives(DEPLOY / "Containerfile", "EXPOSE") == [str(default)]

    backend = compose["services"]["backend"]
    assert int(backend["environment"][variable]) == default
    assert [p.rsplit(":", 1)[1] for p in backend["ports"]] == [str(default)]
    assert f"/dev/tcp/127.0.0.1/{default}" in " ".join(backend["healthcheck"]["test"])

    _, documents = base
    assert int(documents[("ConfigMap", "eigenstudy-config")]["data"][variable]) == default
    assert [p["containerPort"] for p in backend_container["ports"]] == [default]


def test_service_and_ingress_route_to_the_container_port(base, backend_container):
    _, documents = base
    service = documents[("Service", "eigenstudy-backend")]
    port_names = {p["name"] for p in backend_container["ports"]}
    assert {p["targetPort"] for p in service["spec"]["ports"]} <= port_names
    pod_labels = documents[("Deployment", "eigenstudy-backend")]["spec"]["template"]["metadata"][
        "labels"
    ]
    assert service["spec"]["selector"].items() <= pod_labels.items()
    service_ports = {p["name"] for p in service["spec"]["ports"]}
    ingress = documents[("Ingress", "eigenstudy")]
    for rule in ingress["spec"]["rules"]:
        for path in rule["http"]["paths"]:
            target = path["backend"]["service"]
            assert target["name"] == "eigenstudy-backend"
            assert target["port"]["name"] in service_ports


def test_probes_use_the_apps_health_paths(backend_container, compose):
    paths = health_paths()
    assert backend_container["readinessProbe"]["httpGet"]["path"] == paths["readiness"]
    assert backend_container["livenessProbe"]["httpGet"]["path"] == paths["liveness"]
    assert backend_container["startupProbe"]["httpGet"]["path"] == paths["startup"]
    port_names = {p["name"] for p in backend_container["ports"]}
    for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
        assert backend_container[probe]["httpGet"]["port"] in port_names
    assert f"GET {paths['readiness']} " in " ".join(compose["services"]["backend"]["healthcheck"]["test"])
    pom = (BACKEND_MAIN.parents[1] / "pom.xml").read_text("utf-8")
    assert "<artifactId>quarkus-smallrye-health</artifactId>" in pom


def test_every_backend_environment_name_is_one_the_app_reads(base, compose, backend_container):
    read = names_the_app_reads()
    _, documents = base
    used = set(documents[("ConfigMap", "eigenstudy-config")]["data"])
    used |= {e["name"] for e in backend_container["env"]}
    used |= set(compose["services"]["backend"]["environment"])
    used |= {e.split("=", 1)[0] for d in containerfile_directives(DEPLOY / "Containerfile", "ENV")
             for e in d.split()}
    assert used, "no environment found"
    unknown = sorted(used - read)
    assert not unknown, f"the backend reads none of {unknown}"


def test_database_secret_refs_match_the_template_and_nothing_secret_is_committed(
    backend_container, compose
):
    template = load_yaml_documents(DEPLOY / "k8s" / "base" / "secret.template.yaml")[0]
    for value in template["stringData"].values():
        assert re.fullmatch(r"\$\{[A-Z_]+\}", value), f"template holds a literal value {value!r}"
    refs = [e["valueFrom"]["secretKeyRef"] for e in backend_container["env"] if "valueFrom" in e]
    assert {r["name"] for r in refs} == {template["metadata"]["name"]}
    assert {r["key"] for r in refs} == set(template["stringData"])
    for service in compose["services"].values():
        for name, value in service.get("environment", {}).items():
            if "PASSWORD" in name:
                assert re.fullmatch(r"\$\{[A-Z_]+:\?[^}]+\}", value), f"{name} is not from env"
    example = (DEPLOY / ".env.example").read_text("utf-8")
    assert re.search(r"^EIGENSTUDY_DB_PASSWORD=$", example, re.MULTILINE)


def test_containerfile_copies_the_fast_jar_that_the_backend_build_produces():
    copies = containerfile_directives(DEPLOY / "Containerfile", "COPY")
    sources = [c.split()[-2] for c in copies]
    assert all(s.startswith("backend/target/quarkus-app/") for s in sources)
    entrypoint = containerfile_directives(DEPLOY / "Containerfile", "ENTRYPOINT")[0]
    assert "quarkus-run.jar" in entrypoint
    properties = application_properties()
    assert properties.get("quarkus.package.jar.type", "fast-jar") == "fast-jar"
