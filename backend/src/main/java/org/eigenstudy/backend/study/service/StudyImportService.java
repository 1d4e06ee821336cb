package org.eigenstudy.backend.study.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.eigenstudy.backend.bundle.service.StimulusBundleService;
import org.eigenstudy.backend.crypto.Secrets;
import org.eigenstudy.backend.domain.Checks;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.domain.DomainException.Kind;
import org.eigenstudy.backend.study.StudyDesign;
import org.eigenstudy.backend.study.StudyRole;
import org.eigenstudy.backend.study.store.StudyMemberStore;
import org.eigenstudy.backend.study.store.StudyStimuliStore;
import org.eigenstudy.backend.study.store.StudyStore;
import org.eigenstudy.studyconfig.Problem;
import org.eigenstudy.studyconfig.StudyConfig;
import org.eigenstudy.studyconfig.manifest.ManifestAxis;
import org.eigenstudy.studyconfig.manifest.ManifestConfigCheck;
import org.eigenstudy.studyconfig.manifest.ManifestFrame;
import org.eigenstudy.studyconfig.manifest.ManifestModel;
import org.eigenstudy.studyconfig.manifest.ManifestStrip;
import org.eigenstudy.studyconfig.manifest.StimulusManifests;
import org.eigenstudy.studyconfig.model.ModelSpec;

/**
 * Imports a study version from a parsed config and its stimulus manifest. Every image is checked
 * against the manifest's SHA-256 (study-config's {@link ManifestConfigCheck}) before anything is
 * stored; all problems are reported together and none of the study is kept if there is one.
 */
@ApplicationScoped
public class StudyImportService {

    @Inject StudyStore studies;
    @Inject StudyStimuliStore stimuli;
    @Inject StimulusBundleService bundles;
    @Inject StudyAccess access;
    @Inject StudyMemberStore members;

    /**
     * Imports from an import request: exactly one of a config path and config text, and exactly one
     * stimuli source: an uploaded bundle, another study's stimuli (which must fit this config: the
     * manifest check decides) or a server folder; the folder's {@code manifest.json} is read. Every
     * field problem is reported at once.
     */
    @Transactional
    public Study importStudy(
            String configPath, String configYaml, String stimuliDir, Long bundle, Long stimuliOf) {
        Checks checks = new Checks();
        if ((configPath == null) == (configYaml == null)) {
            checks.fail("configPath", "one-of", "give exactly one of configPath and configYaml");
        }
        if (Stream.of(stimuliDir, bundle, stimuliOf).filter(Objects::nonNull).count() != 1) {
            checks.fail("bundle", "one-of", "give exactly one of bundle, stimuliOf and stimuliDir");
        }
        checks.text("stimuliDir", stimuliDir, 4096);
        checks.text("configPath", configPath, 4096);
        checks.text("configYaml", configYaml, 1_000_000);
        checks.throwIfAny();
        String field = bundle != null ? "bundle" : stimuliOf != null ? "stimuliOf" : "stimuliDir";
        Path stimuli = stimuliFolder(stimuliDir, bundle, stimuliOf);
        if (!Files.isDirectory(stimuli)) {
            throw DomainException.invalid(
                    "stimuli folder not found: " + stimuli, field, "missing-file");
        }
        Path manifest = stimuli.resolve(StimulusManifests.FILE_NAME);
        return importStudy(
                configYaml != null
                        ? StudyFiles.read(configYaml, StudyFiles.TEXT_SOURCE, stimuli, manifest)
                        : StudyFiles.read(Path.of(configPath), manifest));
    }

    private Path stimuliFolder(String stimuliDir, Long bundle, Long stimuliOf) {
        if (bundle != null) {
            return bundles.folder(bundles.require(bundle, "bundle"));
        }
        if (stimuliOf != null) {
            access.require(stimuliOf, StudyRole.VIEWER);
            Study source =
                    studies.byId(stimuliOf, false)
                            .orElseThrow(
                                    () ->
                                            DomainException.invalid(
                                                    "no study " + stimuliOf,
                                                    "stimuliOf",
                                                    "not-found"));
            return Path.of(source.stimuliDir());
        }
        return Path.of(stimuliDir).toAbsolutePath().normalize();
    }

    /** Imports {@code files}; conflict when the config's slug and version are already imported. */
    @Transactional
    public Study importStudy(StudyFiles files) {
        StudyConfig config = files.config();
        String slug = config.study().slug();
        int version = config.study().version();
        if (studies.byVersion(slug, version).isPresent()) {
            throw new DomainException(
                    Kind.CONFLICT,
                    "study '"
                            + slug
                            + "' version "
                            + version
                            + " is already imported; raise study.version to import a changed"
                            + " config",
                    "study.version",
                    "exists");
        }
        List<Problem> problems =
                ManifestConfigCheck.check(config, files.manifest(), files.stimuliDir());
        if (!problems.isEmpty()) {
            throw new DomainException(Kind.INVALID, problems);
        }
        return store(files);
    }

    private Study store(StudyFiles files) {
        StudyConfig config = files.config();
        StudyDesign design = StudyDesign.of(config.design());
        String completionCode = config.recruitment().completionCode();
        long id =
                studies.insert(
                        new NewStudy(
                                config.study().slug(),
                                config.study().version(),
                                config.study().title(),
                                nullToEmpty(config.study().description()),
                                nullToEmpty(config.study().instructions()),
                                config.study().consent(),
                                config.study().debrief(),
                                config.study().retentionDays(),
                                files.configYaml(),
                                design,
                                files.stimuliDir().toString(),
                                files.manifestSha256(),
                                completionCode == null ? Secrets.humanCode(8) : completionCode,
                                config.recruitment().prolificCompletionUrl(),
                                nullToEmpty(config.recruitment().compensation())));
        for (ModelSpec spec : config.models()) {
            files.manifest()
                    .model(spec.id())
                    .ifPresent(model -> storeModel(id, files.stimuliDir(), design, spec, model));
        }
        // Whoever imports a study owns it (the platform's own import, the demo, has no owner:
        // admins see it).
        access.caller().ifPresent(user -> members.put(id, user, StudyRole.OWNER));
        return studies.byId(id, false).orElseThrow();
    }

    private void storeModel(
            long studyId, Path dir, StudyDesign design, ModelSpec spec, ManifestModel source) {
        long modelId =
                stimuli.insertModel(
                        studyId,
                        spec.id(),
                        spec.displayLabel(),
                        source.space(),
                        source.exploration().yamlName(),
                        source.distance(),
                        source.matchedImageDistance(),
                        source.imageDistance().yamlName());
        for (ManifestAxis axis : source.axes()) {
            String axisClass = axis.axisClass().yamlName();
            if (!design.axisClasses().contains(axisClass)) {
                continue;
            }
            long axisId =
                    stimuli.insertAxis(
                            modelId,
                            axis.id(),
                            axisClass,
                            axis.rank(),
                            axis.label(),
                            axis.eigenvalue(),
                            axis.alpha());
            for (ManifestStrip strip : axis.strips()) {
                stimuli.insertStrip(
                        studyId,
                        axisId,
                        strip.reference(),
                        strip.frameDistances() == null ? List.of() : strip.frameDistances(),
                        strip.latentSteps(),
                        frames(dir, strip));
            }
            stimuli.insertTrial(studyId, axisId, false);
            if (design.catchTrials() > 0) {
                stimuli.insertTrial(studyId, axisId, true);
            }
        }
    }

    private static List<StudyStimuliStore.NewFrame> frames(Path dir, ManifestStrip strip) {
        List<StudyStimuliStore.NewFrame> frames = new ArrayList<>();
        for (ManifestFrame frame : strip.frames()) {
            frames.add(
                    new StudyStimuliStore.NewFrame(
                            frames.size(),
                            frame.step(),
                            frame.path(),
                            frame.sha256().toLowerCase(Locale.ROOT),
                            sizeOf(dir.resolve(frame.path())),
                            ManifestConfigCheck.mediaType(frame.path()).orElseThrow()));
        }
        return frames;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
