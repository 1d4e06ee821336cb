package org.eigenstudy.geometry.model;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Switches libtorch's (thread-local) gradient recording off for a block: the modules' tensors are
 * loaded as trainable, so plain inference would otherwise build a graph it never uses.
 */
public final class NoGrad implements AutoCloseable {
    private final boolean previous;

    public NoGrad() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
