package org.eigenstudy.backend.precompute.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eigenstudy.backend.directions.service.DirectionFileService;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.domain.DomainException.Kind;
import org.eigenstudy.backend.precompute.store.PrecomputeJobStore;
import org.eigenstudy.studyconfig.Problem;
import org.eigenstudy.studyconfig.StudyConfig;
import org.eigenstudy.studyconfig.StudyConfigException;
import org.eigenstudy.studyconfig.StudyConfigParser;
import org.eigenstudy.studyconfig.manifest.StimuliFingerprint;

/**
 * Submits, shows and cancels precompute jobs. A study file is checked before a job is queued: it
 * parses, every file it names exists (relative to {@link PrecomputeConfig#configBase}) and its
 * imported directions fit the uploaded direction files ({@link DirectionFileService#check}); what
 * only the pipeline can check (the generator loads, the axes fit its latent size) fails the job
 * with the CLI's own message. One job runs per stimuli fingerprint: submitting the same models
 * again while one is queued or running returns that job.
 */
@ApplicationScoped
public class PrecomputeService {

    /** The name a submitted study file has in problems, as in the editor. */
    static final String SOURCE = "study.yaml";

    @Inject PrecomputeConfig config;
    @Inject PrecomputeJobStore store;
    @Inject JobFolders folders;
    @Inject PrecomputeWorker worker;
    @Inject GeometryCli cli;
    @Inject DirectionFileService directionFiles;
    @Inject TransactionSynchronizationRegistry transactions;

    /** A submitted job, and whether this call created it. */
    public record Submitted(JobView job, boolean created) {}

    @Transactional
    public Submitted submit(String configYaml, String user) {
        StudyConfig study = parse(configYaml);
        // Imported directions first: their problems say which uploaded file to name.
        List<Problem> problems = new ArrayList<>(directionFiles.check(study));
        for (Problem missing : study.checkFilesExist()) {
            if (problems.stream().noneMatch(p -> p.field().equals(missing.field()))) {
                problems.add(missing);
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException(Kind.INVALID, problems);
        }
        cli.requireAvailable("compute the stimuli elsewhere and upload the bundle");
        String fingerprint = StimuliFingerprint.of(study);
        Optional<PrecomputeJob> running = store.unfinishedFor(fingerprint);
        if (running.isPresent()) {
            return new Submitted(view(running.get()), false);
        }
        long id = store.insert(configYaml, study.study().slug(), fingerprint, user);
        folders.create(id, configYaml);
        // After the commit, so that the worker finds the row.
        transactions.registerInterposedSynchronization(
                new Synchronization() {
                    @Override
                    public void beforeCompletion() {}

                    @Override
                    public void afterCompletion(int status) {
                        if (status == Status.STATUS_COMMITTED) {
                            worker.submit(id);
                        }
                    }
                });
        return new Submitted(view(store.byId(id).orElseThrow()), true);
    }

    @Transactional
    public List<PrecomputeJob> list() {
        return store.listNewestFirst();
    }

    @Transactional
    public JobView get(long id) {
        return view(require(id));
    }

    @Transactional
    public String log(long id) {
        require(id);
        return folders.logTail(id);
    }

    /** Cancels a queued or running job (its process is ended); a finished job is left as it is. */
    @Transactional
    public JobView cancel(long id) {
        PrecomputeJob job = require(id);
        if (job.state().finished()) {
            throw DomainException.conflict(
                    "job " + id + " has " + job.state().dbValue() + " already", "state");
        }
        store.cancel(id);
        worker.stopProcess(id);
        return view(require(id));
    }

    private PrecomputeJob require(long id) {
        return store.byId(id).orElseThrow(() -> DomainException.notFound("job " + id));
    }

    private JobView view(PrecomputeJob job) {
        return new JobView(job, folders.progress(job.id()).orElse(null));
    }

    private StudyConfig parse(String yaml) {
        try {
            return StudyConfigParser.parse(
                    yaml, SOURCE, Path.of(config.configBase()).toAbsolutePath().normalize());
        } catch (StudyConfigException e) {
            throw new DomainException(Kind.INVALID, e.problems());
        }
    }
}
