"""The GPU precompute: an Indexed Job with one shard per index and a merge Job, both on the shared
volume, calling only the geometry-core CLI subcommands and flags that deploy/README.md documents."""

import re
import shlex

from deploy_files import DEPLOY, base, containerfile_directives, precompute  # noqa: F401 (fixtures)

CLI_JAR = "/opt/eigenstudy/geometry-core-cli.jar"


def job_spec(documents, name):
    return documents[("Job", name)]["spec"]


def cli_call(container):
    """(subcommand, {flag: value}) of the geometry-core CLI call in a container's shell command."""
    words = shlex.split(" ".join(container["args"]))
    start = words.index(CLI_JAR) + 1
    end = words.index("&&") if "&&" in words else len(words)
    subcommand, rest = words[start], words[start + 1 : end]
    flags = {}
    for i in range(0, len(rest), 2):
        assert rest[i].startswith("--"), f"unexpected argument {rest[i]}"
        flags[rest[i]] = rest[i + 1]
    return subcommand, flags


def documented_cli():
    """The rows of deploy/README.md's CLI contract table: (subcommand, the row's set of flags)."""
    readme = (DEPLOY / "README.md").read_text("utf-8")
    return [(subcommand, frozenset(re.findall(r"`(--[a-z-]+)", flags)))
            for subcommand, flags in re.findall(r"^\| `(\w+)` \| ([^|]+) \|", readme, re.MULTILINE)]


def test_hessian_job_runs_one_shard_per_index_on_a_gpu(precompute):
    _, documents = precompute
    spec = job_spec(documents, "eigenstudy-hessian")
    assert spec["completionMode"] == "Indexed"
    shards = int(documents[("ConfigMap", "eigenstudy-precompute")]["data"]["SHARDS"])
    assert spec["completions"] == shards
    assert 1 <= spec["parallelism"] <= shards
    container = spec["template"]["spec"]["containers"][0]
    assert container["resources"]["limits"]["nvidia.com/gpu"] == 1
    index_env = next(e for e in container["env"] if e["name"] == "JOB_COMPLETION_INDEX")
    assert index_env["valueFrom"]["fieldRef"]["fieldPath"] == (
        "metadata.annotations['batch.kubernetes.io/job-completion-index']"
    )
    subcommand, flags = cli_call(container)
    assert subcommand == "stimuli"
    assert flags["--shard"] == "$JOB_COMPLETION_INDEX"
    assert flags["--shards"] == "$SHARDS"


def test_merge_waits_for_every_shard_the_hessian_job_marks_done(precompute):
    _, documents = precompute
    hessian = job_spec(documents, "eigenstudy-hessian")["template"]["spec"]["containers"][0]
    merge = job_spec(documents, "eigenstudy-stimuli-merge")["template"]["spec"]
    _, hessian_flags = cli_call(hessian)
    shards_dir = hessian_flags["--out"] + "/shards"
    assert f'touch "{shards_dir}/shard-$JOB_COMPLETION_INDEX.done"' in " ".join(hessian["args"])
    wait = " ".join(merge["initContainers"][0]["args"])
    assert f"{shards_dir}/shard-*.done" in wait and '"$SHARDS"' in wait
    subcommand, flags = cli_call(merge["containers"][0])
    assert subcommand == "stimuli"
    assert flags["--out"] == hessian_flags["--out"]
    assert flags["--config"] == hessian_flags["--config"]
    assert flags["--merge-shards"] == "$SHARDS"
    assert merge["containers"][0]["resources"]["limits"]["nvidia.com/gpu"] == 1


def test_jobs_call_only_documented_subcommands_and_flags(precompute):
    _, documents = precompute
    documented = documented_cli()
    assert len(documented) >= 3
    for name in ("eigenstudy-hessian", "eigenstudy-stimuli-merge"):
        container = job_spec(documents, name)["template"]["spec"]["containers"][0]
        subcommand, flags = cli_call(container)
        assert (subcommand, frozenset(flags)) in documented, (
            f"{name}: `{subcommand} {' '.join(sorted(flags))}` is no row of deploy/README.md's CLI table")


def test_jobs_share_the_base_volume_and_the_image_that_holds_the_cli(base, precompute):
    _, base_documents = base
    kustomization, documents = precompute
    claim = next(k[1] for k in base_documents if k[0] == "PersistentVolumeClaim")
    assert "ReadWriteMany" in base_documents[("PersistentVolumeClaim", claim)]["spec"]["accessModes"]
    image_override = next(i for i in kustomization["images"] if i["name"] == "eigenstudy/geometry")
    for name in ("eigenstudy-hessian", "eigenstudy-stimuli-merge"):
        pod = job_spec(documents, name)["template"]["spec"]
        assert [v["persistentVolumeClaim"]["claimName"] for v in pod["volumes"]] == [claim]
        for container in pod.get("initContainers", []) + pod["containers"]:
            assert container["image"] == f"eigenstudy/geometry:{image_override['newTag']}"
    copies = containerfile_directives(DEPLOY / "Containerfile.geometry", "COPY")
    destinations = {c.split()[-1] for c in copies}
    assert "geometry-core-cli.jar" in destinations
    assert containerfile_directives(DEPLOY / "Containerfile.geometry", "WORKDIR") == [
        CLI_JAR.rsplit("/", 1)[0]
    ]


def test_study_config_path_lies_in_what_the_geometry_image_copies_from_the_repository(precompute):
    _, documents = precompute
    study = documents[("ConfigMap", "eigenstudy-precompute")]["data"]["STUDY_CONFIG"]
    workdir = containerfile_directives(DEPLOY / "Containerfile.geometry", "WORKDIR")[0]
    relative = study.removeprefix(workdir + "/")
    copied = [c.split()[0] for c in containerfile_directives(DEPLOY / "Containerfile.geometry", "COPY")]
    assert any(relative.startswith(source) for source in copied if source.endswith("/"))
    assert (DEPLOY.parent / relative).is_file(), f"{relative} is not a study file of the repository"
