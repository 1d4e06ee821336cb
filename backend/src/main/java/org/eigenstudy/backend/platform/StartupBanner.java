package org.eigenstudy.backend.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eigenstudy.backend.researcher.service.FirstAdmin;
import org.eigenstudy.backend.study.service.DemoStudy;
import org.eigenstudy.backend.study.service.StudyView;
import org.jboss.logging.Logger;

/**
 * Tells the person who just ran {@code ./eigenstudy run} where to go: creates the first admin
 * (printing its generated password this one time), opens the demo study, and prints the links.
 */
@ApplicationScoped
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    @ConfigProperty(name = "eigenstudy.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject FirstAdmin firstAdmin;
    @Inject DemoStudy demoStudy;

    void onStart(@Observes StartupEvent event) {
        Optional<String> password = firstAdmin.ensure();
        Optional<StudyView> demo = demoStudy.ensureOpen();
        LOG.infof("Eigenstudy is ready.");
        demo.ifPresent(
                study ->
                        LOG.infof(
                                "Participant link (demo study, %s): %s%s",
                                study.state(), publicUrl, study.participantUrl()));
        LOG.infof("Researcher dashboard: %s/researcher/", publicUrl);
        if (password.isPresent()) {
            LOG.infof(
                    "First start: log in as '%s' with password %s  (shown only this once; create"
                            + " your own accounts in the dashboard)",
                    FirstAdmin.USERNAME, password.get());
        } else {
            LOG.infof(
                    "Log in with your researcher account (the first admin password was printed at"
                            + " the first start)");
        }
        LOG.infof("Health: %s/q/health  OpenAPI: %s/q/openapi", publicUrl, publicUrl);
    }
}
