package org.eigenstudy.backend.study;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A direction in latent space (a top/bottom eigenvector or an orthogonal random vector). */
@Entity
@Table(name = "axis")
public class Axis extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "model_id")
    public Long modelId;

    @Column(name = "axis_key")
    public String axisKey;

    @Column(name = "axis_class")
    public String axisClass;

    public int rank;
    public Double eigenvalue;
    public Double alpha;

    public static List<Axis> forModel(long modelId) {
        return list("modelId = ?1 order by axisClass, rank", modelId);
    }
}
