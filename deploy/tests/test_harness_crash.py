"""Offline checks of the crash harness's own logic: the verdict on what was acknowledged and what is
stored, the resume rule, the reading of postmaster.pid and of /proc, and the backend's environment for
an embedded or an external database."""

import os
import subprocess
import sys

import pytest

from deploy_files import DEPLOY

# The harness's modules import each other by plain name (run.py is run from its folder).
sys.path.insert(0, str(DEPLOY / "harness"))
import crash  # noqa: E402
import postgres  # noqa: E402
import server  # noqa: E402


def body(trial, magnitude=40, description="the face turns left"):
    return {"trialIndex": trial, "changeSeen": magnitude is not None, "magnitude": magnitude,
            "description": description, "sharedCount": 2, "consistency": 7, "difficulty": 3,
            "responseTimeMs": 1500}


def row(b, count=1):
    """A stored response as verify's psql query prints it."""
    return [str(count), "t" if b["changeSeen"] else "f", "" if b["magnitude"] is None else str(b["magnitude"]),
            str(b["sharedCount"]), str(b["consistency"]), str(b["difficulty"]), str(b["responseTimeMs"]),
            b["description"]]


def test_every_acknowledged_response_stored_once_with_its_values_passes():
    acknowledged = {"a": body(0), "b": body(1, magnitude=None, description="")}
    stored = {k: row(v) for k, v in acknowledged.items()}
    assert crash.stored_problems(acknowledged, stored) == []


def test_a_lost_acknowledged_response_is_a_problem():
    problems = crash.stored_problems({"a": body(0), "b": body(1)}, {"a": row(body(0))})
    assert problems == ["acknowledged response b is not in the database"]


def test_a_duplicate_a_changed_value_and_an_unacknowledged_row_are_problems():
    acknowledged = {"a": body(0), "b": body(1)}
    stored = {"a": row(body(0), count=2), "b": row(body(1, magnitude=41)), "c": row(body(2))}
    problems = crash.stored_problems(acknowledged, stored)
    assert len(problems) == 3
    assert problems[0].startswith("response a: database ['2'")
    assert problems[1].startswith("response b: database")
    assert problems[2] == "1 stored responses were never acknowledged"


@pytest.mark.parametrize("acked, answered, pending, ok", [
    (5, 5, False, True),
    (5, 5, True, True),    # the answer in flight did not commit
    (5, 6, True, True),    # it committed, its reply was lost
    (5, 6, False, False),  # a phantom answer
    (5, 4, True, False),   # an acknowledged answer lost
    (5, 7, True, False),
])
def test_resume_must_report_the_acknowledged_answers_and_at_most_the_one_in_flight(acked, answered, pending, ok):
    assert (crash.resume_problems([(acked, answered, pending)]) == []) == ok


def test_postmaster_pid_is_the_first_line_of_postmaster_pid(tmp_path):
    assert postgres.postmaster_pid(str(tmp_path)) is None
    (tmp_path / "postmaster.pid").write_text("4242\n/srv/data\n1701000000\n5432\n")
    assert postgres.postmaster_pid(str(tmp_path)) == 4242
    (tmp_path / "postmaster.pid").write_text("")
    assert postgres.postmaster_pid(str(tmp_path)) is None


def test_alive_tells_a_running_process_from_a_reaped_or_zombie_one():
    assert postgres.alive(os.getpid())
    child = subprocess.Popen(["true"])
    postgres.wait_until(lambda: not postgres.alive(child.pid), 10, "the child to exit")  # a zombie
    child.wait()
    assert not postgres.alive(child.pid)


def test_wait_until_is_bounded():
    with pytest.raises(RuntimeError, match="gave up after 0.3 s waiting for nothing"):
        postgres.wait_until(lambda: False, 0.3, "nothing", interval=0.05)


def test_cluster_processes_are_found_by_their_working_directory(tmp_path):
    cluster = postgres.EmbeddedCluster(5432, str(tmp_path))
    os.makedirs(cluster.data)
    assert cluster.processes() == []
    # Not a PostgreSQL process, but a process whose working directory is the data directory is what the
    # harness waits for after a kill -9 of the postmaster.
    sleeper = subprocess.Popen(["sleep", "30"], cwd=cluster.data)
    try:
        assert cluster.processes() == [sleeper.pid]
    finally:
        sleeper.kill()
        sleeper.wait()
        cluster.stop()
    assert not os.path.exists(cluster.directory)


def test_embedded_backend_gets_no_datasource_from_the_callers_shell(tmp_path):
    inherited = {"PATH": "/usr/bin", "QUARKUS_DATASOURCE_JDBC_URL": "jdbc:postgresql://elsewhere/db",
                 "QUARKUS_DATASOURCE_PASSWORD": "x"}
    cluster = postgres.EmbeddedCluster(54999, str(tmp_path / "backend" / "data"))
    environment = server.backend_environment(inherited, str(tmp_path / "backend"), 8123,
                                             cluster.jdbc_environment())
    assert not any(k.startswith("QUARKUS_DATASOURCE_") for k in environment)
    assert environment["EIGENSTUDY_EMBEDDED_DB_PORT"] == "54999"
    assert os.path.join(environment["EIGENSTUDY_DATA_DIR"], "postgres") == cluster.data
    assert environment["PATH"] == "/usr/bin"
    assert environment["QUARKUS_HTTP_HOST"] == "127.0.0.1"
    cluster.stop()


def test_external_backend_gets_the_clusters_datasource(tmp_path):
    cluster = postgres.Cluster(55001)
    try:
        environment = server.backend_environment({"QUARKUS_DATASOURCE_JDBC_URL": "jdbc:postgresql://x/y"},
                                                 str(tmp_path), 8123, cluster.jdbc_environment())
        assert environment["QUARKUS_DATASOURCE_JDBC_URL"] == "jdbc:postgresql://127.0.0.1:55001/eigenstudy"
        assert environment["QUARKUS_DATASOURCE_USERNAME"] == "eigenstudy"
    finally:
        cluster.stop()
