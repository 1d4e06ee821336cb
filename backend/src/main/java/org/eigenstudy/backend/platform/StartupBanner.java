package org.eigenstudy.backend.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Tells the person who just ran {@code ./eigenstudy run} where to go. */
@ApplicationScoped
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    @ConfigProperty(name = "eigenstudy.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    void onStart(@Observes StartupEvent event) {
        LOG.infof("Eigenstudy is ready. Researcher dashboard: %s/researcher/", publicUrl);
        LOG.infof("Health: %s/q/health  OpenAPI: %s/q/openapi", publicUrl, publicUrl);
    }
}
