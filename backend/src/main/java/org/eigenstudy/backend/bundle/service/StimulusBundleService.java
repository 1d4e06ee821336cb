package org.eigenstudy.backend.bundle.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.io.file.PathUtils;
import org.eigenstudy.backend.archive.ArchiveLimits;
import org.eigenstudy.backend.archive.SafeUnzip;
import org.eigenstudy.backend.archive.StagingArea;
import org.eigenstudy.backend.bundle.store.StimulusBundleStore;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.domain.DomainException.Kind;
import org.eigenstudy.studyconfig.Problem;
import org.eigenstudy.studyconfig.manifest.ManifestConfigCheck;
import org.eigenstudy.studyconfig.manifest.ManifestException;
import org.eigenstudy.studyconfig.manifest.ManifestModel;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.eigenstudy.studyconfig.manifest.StimulusManifest;
import org.eigenstudy.studyconfig.manifest.StimulusManifests;

/**
 * Stores uploaded stimulus bundles. An archive is unpacked into a staging folder, its manifest
 * validated and every frame checked against the manifest's SHA-256; only then is the folder moved
 * (atomically) to {@code <folder>/<manifest SHA-256>} and recorded. Any problem deletes the staging
 * folder, so a refused upload leaves nothing behind.
 */
@ApplicationScoped
public class StimulusBundleService {

    /** The upload's form field, which every problem names. */
    static final String FIELD = "bundle";

    @Inject BundleConfig config;
    @Inject StimulusBundleStore store;

    /** Staging folders left by a stop in the middle of an upload. */
    void removeAbandonedUploads(@Observes StartupEvent start) {
        staging().removeAbandoned();
    }

    /**
     * Verifies and stores the archive at {@code zip} ({@code fileName} as the client named it),
     * uploaded by {@code user}.
     */
    @Transactional
    public BundleUpload upload(Path zip, String fileName, String user) {
        Path staging = staging().create();
        try {
            long bytes =
                    new SafeUnzip(
                                    new ArchiveLimits(
                                            config.maxEntries(),
                                            config.maxUnpackedBytes(),
                                            config.maxRatio(),
                                            1 << 20),
                                    StimulusManifests.FILE_NAME,
                                    FIELD)
                            .extract(zip, staging);
            return keep(
                    staging,
                    bytes,
                    fileName == null || fileName.isBlank() ? "bundle.zip" : fileName,
                    user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            StagingArea.delete(staging);
        }
    }

    /**
     * Keeps a stimuli folder this server computed (a precompute job's output, named {@code name}):
     * moved out of {@code folder} (on the same file system as the bundles) and verified exactly as
     * an upload is.
     */
    @Transactional
    public BundleUpload adopt(Path folder, String name, String user) {
        Path staging = staging().newPath();
        try {
            Files.createDirectories(root());
            Files.move(folder, staging);
            long bytes = PathUtils.sizeOfDirectory(staging);
            return keep(staging, bytes, name, user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            StagingArea.delete(staging);
        }
    }

    /**
     * Validates the manifest in {@code staging}, checks every frame against it and moves the folder
     * to its content address; a manifest stored before is found, not stored twice.
     */
    private BundleUpload keep(Path staging, long bytes, String name, String user)
            throws IOException {
        StimulusManifest manifest = manifest(staging);
        List<Problem> problems = ManifestConfigCheck.checkFiles(manifest, staging);
        if (!problems.isEmpty()) {
            throw new DomainException(Kind.INVALID, asBundleProblems(problems));
        }
        String sha = Sha256.of(staging.resolve(StimulusManifests.FILE_NAME));
        var existing = store.byManifest(sha);
        if (existing.isPresent() && Files.isDirectory(folder(existing.get()))) {
            return new BundleUpload(existing.get(), false);
        }
        moveIntoPlace(staging, root().resolve(sha));
        StimulusBundle stored =
                store.insert(
                        new StimulusBundle(
                                0,
                                sha,
                                manifest.study(),
                                manifest.configSha256(),
                                manifest.models().stream().map(ManifestModel::id).toList(),
                                frameCount(manifest),
                                bytes,
                                name,
                                user,
                                null));
        return new BundleUpload(stored, existing.isEmpty());
    }

    @Transactional
    public List<StimulusBundle> list() {
        return store.listNewestFirst();
    }

    /** The bundles whose stimuli fit a config with this stimuli fingerprint. */
    @Transactional
    public List<StimulusBundle> fitting(String stimuliFingerprint) {
        return store.byConfig(stimuliFingerprint);
    }

    /** The bundle with this id; a problem on {@code field} when there is none. */
    @Transactional
    public StimulusBundle require(long id, String field) {
        return store.byId(id)
                .orElseThrow(
                        () ->
                                DomainException.invalid(
                                        "no stimulus bundle " + id + " (upload it first)",
                                        field,
                                        "not-found"));
    }

    /** The verified folder of a bundle: its manifest.json and frames. */
    public Path folder(StimulusBundle bundle) {
        return root().resolve(bundle.manifestSha256());
    }

    private Path root() {
        return Path.of(config.folder()).toAbsolutePath().normalize();
    }

    private StagingArea staging() {
        return new StagingArea(root());
    }

    private static StimulusManifest manifest(Path staging) throws IOException {
        try {
            return StimulusManifests.read(staging.resolve(StimulusManifests.FILE_NAME));
        } catch (ManifestException e) {
            throw new DomainException(
                    Kind.INVALID,
                    e.problems().stream()
                            .map(p -> Problem.of(FIELD, "manifest", "manifest.json: " + p))
                            .toList());
        }
    }

    /** The manifest check's problems, on the upload's field, keeping their rules and messages. */
    private static List<Problem> asBundleProblems(List<Problem> problems) {
        return problems.stream().map(p -> Problem.of(FIELD, p.rule(), p.message())).toList();
    }

    /**
     * Moves the verified staging folder to its content address. A folder already there holds the
     * same manifest (a concurrent upload of the same stimuli, or a row lost with a crash after the
     * move) and was verified the same way, so it is kept.
     */
    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        if (Files.isDirectory(target)) {
            return;
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Renaming onto a folder that appeared meanwhile fails; the one there is as good.
            if (!Files.isDirectory(target)) {
                throw e;
            }
        }
    }

    private static int frameCount(StimulusManifest manifest) {
        return manifest.models().stream()
                .flatMap(m -> m.axes().stream())
                .flatMap(a -> a.strips().stream())
                .mapToInt(s -> s.frames().size())
                .sum();
    }
}
