package org.eigenstudy.geometry.hessian;

import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The JVM's single open DJL {@link GradientCollector}. DJL allows only one at a time (a static
 * flag), so gradient jobs from different threads queue here instead of failing.
 */
final class GradientScope implements AutoCloseable {
    private static final ReentrantLock LOCK = new ReentrantLock();
    private final GradientCollector collector;

    GradientScope() {
        LOCK.lock();
        try {
            collector = Engine.getEngine("PyTorch").newGradientCollector();
        } catch (RuntimeException e) {
            LOCK.unlock();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            collector.close();
        } finally {
            LOCK.unlock();
        }
    }
}
