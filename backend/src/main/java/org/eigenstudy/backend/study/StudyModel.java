package org.eigenstudy.backend.study;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A generator and latent space of a study, as imported from the stimulus manifest. */
@Entity
@Table(name = "study_model")
public class StudyModel extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "study_id")
    public Long studyId;

    @Column(name = "model_key")
    public String modelKey;

    public String label;
    public String space;
    public String exploration;
    public double distance;

    @Column(name = "image_distance")
    public String imageDistance;

    public static List<StudyModel> forStudy(long studyId) {
        return list("studyId = ?1 order by modelKey", studyId);
    }
}
