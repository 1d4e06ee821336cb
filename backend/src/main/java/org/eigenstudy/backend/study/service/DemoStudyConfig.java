package org.eigenstudy.backend.study.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code eigenstudy.demo.*}: the demo study imported at startup; each default is here only. */
@ConfigMapping(prefix = "eigenstudy.demo")
public interface DemoStudyConfig {

    /** The demo study's config file. */
    @WithDefault("study-config/demo.yaml")
    String config();

    /** The demo stimuli's manifest; the stimuli folder is its folder. */
    @WithDefault("data/stimuli/demo/manifest.json")
    String manifest();
}
