package org.eigenstudy.geometry.hessian;

import java.util.Locale;
import org.eigenstudy.geometry.GeometryException;

/**
 * How Lanczos gets H·v (paper A.2): {@code BACKWARD} differentiates ⟨∇D, v⟩ once more (exact);
 * {@code FORWARD} takes central differences of the gradient, (∇D(z0+εv) − ∇D(z0−εv)) / 2ε, which
 * needs only first-order gradients.
 */
public enum HvpMode {
    BACKWARD,
    FORWARD;

    public static HvpMode parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GeometryException("hvp must be backward or forward, not '" + text + "'");
        }
    }
}
