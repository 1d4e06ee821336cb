package org.eigenstudy.backend.researcher;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A bearer token for scripts; only its SHA-256 is kept, the token itself is shown once. */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "researcher_id")
    public Long researcherId;

    public String name;

    @Column(name = "token_sha256")
    public String tokenSha256;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;

    public static Optional<ApiToken> findByHash(String hash) {
        return find("tokenSha256", hash).firstResultOptional();
    }

    public static List<ApiToken> forResearcher(long researcherId) {
        return list("researcherId = ?1 order by id", researcherId);
    }
}
