package org.eigenstudy.backend.response;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A participant's answer to one trial, stored once per (session, client response id). */
@Entity
@Table(name = "response")
public class Response extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id")
    public Long sessionId;

    @Column(name = "assignment_id")
    public Long assignmentId;

    @Column(name = "client_response_id")
    public String clientResponseId;

    /** SHA-256 of the canonical request, to tell an honest retry from a different answer. */
    @Column(name = "body_sha256")
    public String bodySha256;

    @Column(name = "change_seen")
    public boolean changeSeen;

    public Integer magnitude;
    public String description;

    @Column(name = "shared_count")
    public int sharedCount;

    public int consistency;
    public int difficulty;

    @Column(name = "response_time_ms")
    public int responseTimeMs;

    @Column(name = "trial_started_at")
    public OffsetDateTime trialStartedAt;

    @Column(name = "client_timestamp")
    public OffsetDateTime clientTimestamp;

    @Column(name = "catch_passed")
    public Boolean catchPassed;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
