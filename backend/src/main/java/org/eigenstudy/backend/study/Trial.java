package org.eigenstudy.backend.study;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A condition cell (model x axis class x axis) or a catch trial built on an axis, whose strips show
 * the unperturbed reference frame throughout so that "no change" is the known answer.
 */
@Entity
@Table(name = "trial")
public class Trial extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "study_id")
    public Long studyId;

    @Column(name = "axis_id")
    public Long axisId;

    @Column(name = "is_catch")
    public boolean isCatch;
}
