package org.eigenstudy.backend.model.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code eigenstudy.model.*}: where uploaded generators live and what an upload may unpack to. */
@ConfigMapping(prefix = "eigenstudy.model")
public interface ModelConfig {

    /** One verified folder per model; set from EIGENSTUDY_DATA_DIR. */
    @WithDefault("data/models")
    String folder();

    /** Bytes a model archive may unpack to (default 8 GiB: a StyleGAN2 at 1024 px is ~400 MB). */
    @WithDefault("8589934592")
    long maxUnpackedBytes();

    /** How long the check may take (loading and running every space on a CPU). */
    @WithDefault("600")
    int checkSeconds();
}
