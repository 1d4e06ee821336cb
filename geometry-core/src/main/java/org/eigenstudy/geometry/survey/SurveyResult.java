package org.eigenstudy.geometry.survey;

import java.util.List;
import org.eigenstudy.geometry.analysis.Eigen;
import org.ejml.data.DMatrixRMaj;

/**
 * Metrics at many points: the codes, their Hessians (empty for Lanczos), eigenpairs, and the
 * seconds each point took.
 */
public record SurveyResult(
        List<float[]> codes, List<DMatrixRMaj> hessians, List<Eigen> eigens, double[] seconds) {}
