package org.eigenstudy.backend.precompute.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code eigenstudy.precompute.*}: where jobs run from and with what. */
@ConfigMapping(prefix = "eigenstudy.precompute")
public interface PrecomputeConfig {

    /** One folder per job; on the bundles' file system (both under EIGENSTUDY_DATA_DIR). */
    @WithDefault("data/jobs")
    String folder();

    /** geometry-core's CLI, as {@code ./eigenstudy run} builds it. */
    @WithDefault("geometry-core/target/geometry-core-cli.jar")
    String cliJar();

    /**
     * The folder a study file's relative paths (model cards) start from: study-config, where the
     * templates live, so a template computes exactly as it does from the repository.
     */
    @WithDefault("study-config")
    String configBase();

    /** Jobs running at once; each is a JVM running PyTorch on every core. */
    @WithDefault("1")
    int concurrency();
}
