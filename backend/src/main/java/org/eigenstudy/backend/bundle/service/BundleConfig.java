package org.eigenstudy.backend.bundle.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code eigenstudy.bundle.*}: where uploaded stimulus bundles live and what an archive may unpack
 * to. The upload's own size limit is the HTTP layer's ({@code eigenstudy.max-upload-bytes}).
 */
@ConfigMapping(prefix = "eigenstudy.bundle")
public interface BundleConfig {

    /** The folder holding one verified folder per bundle; set from EIGENSTUDY_DATA_DIR. */
    @WithDefault("data/bundles")
    String folder();

    /** Entries an archive may have: a large study has some ten thousand frames. */
    @WithDefault("200000")
    int maxEntries();

    /** Bytes an archive may unpack to (default 4 GiB). */
    @WithDefault("4294967296")
    long maxUnpackedBytes();

    /** How many times its compressed size one entry may inflate to; PNG and WebP stay near 1. */
    @WithDefault("200")
    int maxRatio();
}
