package org.eigenstudy.backend.directions.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code eigenstudy.directions.*}: where uploaded direction files live and how large they may be.
 */
@ConfigMapping(prefix = "eigenstudy.directions")
public interface DirectionsConfig {

    /** One folder per file, named by its SHA-256; set from EIGENSTUDY_DATA_DIR. */
    @WithDefault("data/directions")
    String folder();

    /**
     * Bytes an uploaded file may have (default 16 MiB: 512 vectors of 512 values are 2 MiB as
     * float64 .npy and about 5 MiB as CSV). The HTTP layer refuses larger bodies with a 413.
     */
    @WithDefault("16777216")
    long maxBytes();

    /** How long the check may take. */
    @WithDefault("60")
    int checkSeconds();
}
