package org.eigenstudy.backend.privacy.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eigenstudy.backend.crypto.Secrets;
import org.eigenstudy.backend.privacy.store.PrivacyStore;
import org.jboss.logging.Logger;

/**
 * Pseudonymises the platform ids of sessions whose study's {@code retention_days} have passed since
 * they ended. The pseudonym is keyed by the study's secret, so one participant's sessions keep one
 * pseudonym within a study (and a repeat can still be told apart in the data), but no one without
 * the database can link it back, and nothing else about the participant's platform account stays.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    private static final int BATCH = 500;

    @Inject PrivacyStore store;

    /** Hourly; a day's granularity is all a retention period in days needs. */
    @Scheduled(
            every = "1h",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int done = pseudonymiseDue();
        if (done > 0) {
            LOG.infof("retention: pseudonymised the platform ids of %d sessions", done);
        }
    }

    /** Pseudonymises every session that is due; returns how many. */
    public int pseudonymiseDue() {
        int total = 0;
        List<PrivacyStore.Due> due;
        do {
            due = store.due(BATCH);
            for (PrivacyStore.Due d : due) {
                store.pseudonymise(d.id(), pseudonym(d));
            }
            total += due.size();
        } while (due.size() == BATCH);
        return total;
    }

    static String pseudonym(PrivacyStore.Due d) {
        return "pseudonym-"
                + Secrets.keyedCode(
                        d.studyKey(), "pseudonym:" + d.source() + ":" + d.externalId(), 16);
    }
}
