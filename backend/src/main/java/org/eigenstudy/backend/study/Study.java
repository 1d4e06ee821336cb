package org.eigenstudy.backend.study;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One imported version of a study: its config, its trial design and where its stimuli live. */
@Entity
@Table(name = "study")
public class Study extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;
    public int version;
    public String title;
    public String description;
    public String instructions;
    public String state;

    @Column(name = "config_yaml")
    public String configYaml;

    @JdbcTypeCode(SqlTypes.JSON)
    public StudyDesign design;

    @Column(name = "stimuli_dir")
    public String stimuliDir;

    @Column(name = "manifest_sha256")
    public String manifestSha256;

    @Column(name = "completion_code")
    public String completionCode;

    @Column(name = "prolific_completion_url")
    public String prolificCompletionUrl;

    public String compensation;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "opened_at")
    public OffsetDateTime openedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    public StudyState state() {
        return StudyState.fromDb(state);
    }

    public static Optional<Study> findVersion(String slug, int version) {
        return find("slug = ?1 and version = ?2", slug, version).firstResultOptional();
    }

    /** The newest open version of a slug, if any. */
    public static Optional<Study> findOpen(String slug) {
        return find("slug = ?1 and state = 'open' order by version desc", slug)
                .firstResultOptional();
    }

    public static List<Study> findBySlug(String slug) {
        return list("slug = ?1 order by version desc", slug);
    }

    public static List<Study> listNewestFirst() {
        return list("order by slug, version desc");
    }
}
