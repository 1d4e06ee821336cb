package org.eigenstudy.backend.study;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The frames of one reference image moved along one axis. */
@Entity
@Table(name = "strip")
public class Strip extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "axis_id")
    public Long axisId;

    @Column(name = "reference_index")
    public int referenceIndex;

    /**
     * Image distances of the frames from the reference, comma separated (for the stimulus export).
     */
    @Column(name = "frame_distances")
    public String frameDistances;
}
