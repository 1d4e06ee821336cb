package org.eigenstudy.backend.precompute.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.io.file.PathUtils;
import org.eigenstudy.backend.bundle.service.StimulusBundleService;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.precompute.store.PrecomputeJobStore;
import org.jboss.logging.Logger;

/**
 * Runs precompute jobs in this server: at most {@link PrecomputeConfig#concurrency} at once, each
 * as geometry-core's CLI in a child JVM, so a job's native memory and crashes stay out of the
 * platform, and cancelling ends it for sure. The pipeline keeps its finished work in the job's
 * folder, so a job that was running when the server stopped is queued again at the next start and
 * resumes where it stopped.
 */
@ApplicationScoped
public class PrecomputeWorker {

    private static final Logger LOG = Logger.getLogger(PrecomputeWorker.class);

    @Inject PrecomputeConfig config;
    @Inject PrecomputeJobStore store;
    @Inject JobFolders folders;
    @Inject StimulusBundleService bundles;
    @Inject GeometryCli cli;

    private final Map<Long, Process> running = new ConcurrentHashMap<>();
    private ExecutorService pool;

    void start(@Observes StartupEvent event) {
        pool =
                Executors.newFixedThreadPool(
                        Math.max(1, config.concurrency()),
                        task -> {
                            Thread thread = new Thread(task, "precompute-worker");
                            thread.setDaemon(true);
                            return thread;
                        });
        resume();
    }

    void stop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
        // The jobs stay 'running' in the database: the next start takes them up again.
        running.values().forEach(PrecomputeWorker::destroy);
    }

    /** Queues again what was queued or running when the server stopped. */
    public void resume() {
        for (long id : store.unfinished()) {
            store.requeue(id);
            submit(id);
        }
    }

    /** Runs job {@code id} when a worker is free. */
    public void submit(long id) {
        pool.submit(() -> run(id));
    }

    /** Ends the process of a running job, if it has one here. */
    public void stopProcess(long id) {
        Process process = running.get(id);
        if (process != null) {
            destroy(process);
        }
    }

    private void run(long id) {
        if (!store.start(id)) {
            return; // cancelled while queued
        }
        String user = store.byId(id).orElseThrow().createdBy();
        try {
            int exit = runCli(id);
            if (exit == 0) {
                Path out = folders.out(id);
                Path work = out.resolve(".work"); // the pipeline's Hessians: not part of a bundle
                if (Files.isDirectory(work)) {
                    PathUtils.deleteDirectory(work);
                }
                long bundle = bundles.adopt(out, "job-" + id, user).bundle().id();
                if (!store.succeed(id, bundle)) {
                    LOG.infof("Precompute job %d finished after it was cancelled", id);
                }
            } else {
                store.fail(id, folders.failure(id, exit));
            }
        } catch (DomainException e) {
            store.fail(id, "the computed stimuli were refused: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: resumed at the next start
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Precompute job %d failed", id);
            store.fail(id, "the job could not run: " + e.getMessage());
        }
    }

    private int runCli(long id) throws IOException, InterruptedException {
        ProcessBuilder builder =
                cli.command(
                                List.of(
                                        "stimuli",
                                        "--config",
                                        folders.config(id).toString(),
                                        "--config-base",
                                        Path.of(config.configBase())
                                                .toAbsolutePath()
                                                .normalize()
                                                .toString(),
                                        "--out",
                                        folders.out(id).toString(),
                                        "--status",
                                        folders.status(id).toString()))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(folders.log(id).toFile()));
        Process process = builder.start();
        running.put(id, process);
        try {
            return process.waitFor();
        } finally {
            running.remove(id);
        }
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }
}
