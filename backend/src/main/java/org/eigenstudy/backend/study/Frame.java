package org.eigenstudy.backend.study;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;

/** One stimulus image file, verified against its manifest checksum at import. */
@Entity
@Table(name = "frame")
public class Frame extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "study_id")
    public Long studyId;

    @Column(name = "strip_id")
    public Long stripId;

    public int position;
    public double step;
    public String path;
    public String sha256;

    @Column(name = "byte_size")
    public long byteSize;

    @Column(name = "media_type")
    public String mediaType;

    public static Optional<Frame> findByPath(long studyId, String path) {
        return find("studyId = ?1 and path = ?2", studyId, path).firstResultOptional();
    }
}
