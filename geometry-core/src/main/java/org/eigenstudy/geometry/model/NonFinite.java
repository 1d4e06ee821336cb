package org.eigenstudy.geometry.model;

import ai.djl.ndarray.NDArray;
import org.eigenstudy.geometry.GeometryException;

/** Guards against NaN/Inf leaving a module: a silent NaN would poison every Hessian downstream. */
public final class NonFinite {
    private NonFinite() {}

    public static void check(NDArray values, String what) {
        boolean bad = values.isNaN().logicalOr(values.isInfinite()).any().getBoolean();
        if (bad) {
            throw new GeometryException(what + " produced NaN or Inf values");
        }
    }
}
