package org.eigenstudy.backend.participant;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Lets one session start per study run at a time in this JVM, before a database connection is
 * taken. Starts must be serialized anyway (the study row lock); queueing here keeps a burst of
 * starts from holding every pooled connection while they wait for that lock. The row lock still
 * serializes starts across several server instances.
 */
@ApplicationScoped
public class StartGate {

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public <T> T through(String study, Supplier<T> start) {
        ReentrantLock lock = locks.computeIfAbsent(study, s -> new ReentrantLock(true));
        lock.lock();
        try {
            return start.get();
        } finally {
            lock.unlock();
        }
    }
}
