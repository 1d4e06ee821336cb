package org.eigenstudy.backend.participant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Set;
import java.util.stream.Collectors;

/** The trial a session shows at one position. */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id")
    public Long sessionId;

    public int position;

    @Column(name = "trial_id")
    public Long trialId;

    public static Set<Long> trialIdsOf(long sessionId) {
        return getEntityManager()
                .createQuery(
                        "select a.trialId from Assignment a where a.sessionId = ?1", Long.class)
                .setParameter(1, sessionId)
                .getResultStream()
                .collect(Collectors.toSet());
    }

    public static long countFor(long sessionId) {
        return count("sessionId", sessionId);
    }
}
