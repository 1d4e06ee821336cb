package org.eigenstudy.geometry.analysis;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** The element-wise average of metric tensors over points (paper A.7), the simplest SPD mean. */
public final class GlobalHessian {
    private GlobalHessian() {}

    public static DMatrixRMaj average(List<DMatrixRMaj> hessians) {
        DMatrixRMaj sum = new DMatrixRMaj(hessians.get(0).numRows, hessians.get(0).numCols);
        for (DMatrixRMaj h : hessians) {
            CommonOps_DDRM.addEquals(sum, h);
        }
        CommonOps_DDRM.scale(1.0 / hessians.size(), sum);
        return sum;
    }
}
