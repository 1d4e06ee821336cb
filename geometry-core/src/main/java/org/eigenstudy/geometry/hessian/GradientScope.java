package org.eigenstudy.geometry.hessian;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The JVM's single open DJL {@link GradientCollector}, with a manager for the arrays recorded under
 * it. DJL allows only one collector at a time (a static flag), so gradient jobs from different
 * threads queue here instead of failing. Closing frees the recorded arrays (and with them any
 * retained graph) before the collector.
 */
final class GradientScope implements AutoCloseable {
    private static final ReentrantLock LOCK = new ReentrantLock();
    private final GradientCollector collector;
    private final NDManager manager;

    /** Opens the collector and a sub-manager of {@code parent}. */
    GradientScope(NDManager parent) {
        LOCK.lock();
        GradientCollector opened = null;
        try {
            opened = Engine.getEngine("PyTorch").newGradientCollector();
            manager = parent.newSubManager();
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            LOCK.unlock();
            throw e;
        }
        collector = opened;
    }

    /** Where arrays recorded in this scope live. */
    NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        try {
            manager.close();
        } finally {
            try {
                collector.close();
            } finally {
                LOCK.unlock();
            }
        }
    }
}
