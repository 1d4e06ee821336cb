package org.eigenstudy.backend.participant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/** One participant's run through one study version. Only the token's SHA-256 is stored. */
@Entity
@Table(name = "participant_session")
public class ParticipantSession extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "study_id")
    public Long studyId;

    @Column(name = "token_sha256")
    public String tokenSha256;

    public String source;

    /** MTurk workerId or Prolific PROLIFIC_PID; null for a plain link. */
    @Column(name = "external_id")
    public String externalId;

    @Column(name = "assignment_id")
    public String assignmentId;

    @Column(name = "hit_id")
    public String hitId;

    @Column(name = "turk_submit_to")
    public String turkSubmitTo;

    @Column(name = "prolific_study_id")
    public String prolificStudyId;

    @Column(name = "prolific_session_id")
    public String prolificSessionId;

    @Column(name = "user_agent")
    public String userAgent;

    @Column(name = "screen_width")
    public Integer screenWidth;

    @Column(name = "screen_height")
    public Integer screenHeight;

    @Column(name = "time_zone")
    public String timeZone;

    public String language;
    public String state;

    @Column(name = "completion_code")
    public String completionCode;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "consented_at")
    public OffsetDateTime consentedAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "last_seen_at")
    public OffsetDateTime lastSeenAt;

    public boolean completed() {
        return "completed".equals(state);
    }

    public boolean expired(OffsetDateTime now) {
        return !completed() && now.isAfter(expiresAt);
    }

    /** The state shown to clients: unfinished sessions past their timeout read as abandoned. */
    public String visibleState(OffsetDateTime now) {
        return expired(now) ? "abandoned" : state;
    }

    public static Optional<ParticipantSession> findByTokenHash(String hash, boolean lock) {
        var query = find("tokenSha256", hash);
        if (lock) {
            query = query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.firstResultOptional();
    }
}
