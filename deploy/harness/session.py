"""One harness session: a throw-away PostgreSQL cluster, the packaged backend on it, and the fixture
study imported and opened, all under one /tmp directory that is deleted afterwards."""

import asyncio
import os
import shutil
import tempfile

import fixture
import researcher
from postgres import Cluster, EmbeddedCluster
from server import Backend, free_port

DATABASES = ("external", "embedded")


class HarnessSession:
    """database: "external" (a PostgreSQL 15 cluster of the harness's own) or "embedded" (the backend's
    embedded PostgreSQL, `./eigenstudy run`'s default, in the backend's data directory)."""

    def __init__(self, backend_environment=None, trials=12, keep=False, database="external"):
        self.directory = tempfile.mkdtemp(prefix="eigenstudy-harness-")
        self.keep = keep
        if database == "embedded":
            self.cluster = EmbeddedCluster(free_port(), os.path.join(self.directory, "backend", "data"))
        else:
            self.cluster = Cluster(free_port())
        self.backend = None
        self.backend_environment = backend_environment or {}
        self.trials = trials
        self.admin_token = None
        self.admin_cookie = None
        self.study = None

    def __enter__(self):
        try:
            self.cluster.start()
            self.backend = Backend(os.path.join(self.directory, "backend"),
                                   self.cluster.jdbc_environment(), self.backend_environment)
            self.backend.start()
            config, stimuli = fixture.write(os.path.join(self.directory, "fixture"), self.trials)
            self.admin_token, self.admin_cookie, self.study = asyncio.run(
                researcher.admin_setup(self.backend, config, stimuli))
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc):
        if self.backend is not None:
            self.backend.stop()
        self.cluster.stop(remove=not self.keep)
        if self.keep:
            print(f"kept {self.directory} and {self.cluster.directory}")
        else:
            shutil.rmtree(self.directory, ignore_errors=True)
        return False

    def count(self, table):
        return int(self.cluster.sql(f"SELECT count(*) FROM {table}")[0][0])
