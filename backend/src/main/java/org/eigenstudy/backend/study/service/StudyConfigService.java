package org.eigenstudy.backend.study.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.List;
import org.eigenstudy.backend.bundle.service.StimulusBundle;
import org.eigenstudy.backend.bundle.service.StimulusBundleService;
import org.eigenstudy.backend.directions.service.DirectionFileService;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.study.store.StudyStore;
import org.eigenstudy.studyconfig.ConfigChanges;
import org.eigenstudy.studyconfig.ConfigChanges.Change;
import org.eigenstudy.studyconfig.Problem;
import org.eigenstudy.studyconfig.StudyConfig;
import org.eigenstudy.studyconfig.StudyConfigException;
import org.eigenstudy.studyconfig.StudyConfigParser;
import org.eigenstudy.studyconfig.StudyTemplates;
import org.eigenstudy.studyconfig.StudyTemplates.Template;
import org.eigenstudy.studyconfig.manifest.StimuliFingerprint;

/**
 * The study editor's checks, before anything is imported: study-config's parser gives the same
 * problems the CLI and the import give, imported directions are resolved against the uploaded
 * direction files ({@link DirectionFileService#check}: uploaded, the model's latent size, enough
 * rows), and {@link ConfigChanges} says which edits need new stimuli. Nothing is stored.
 */
@ApplicationScoped
public class StudyConfigService {

    @Inject StudyStore studies;
    @Inject StimulusBundleService bundles;
    @Inject DirectionFileService directionFiles;

    public List<Template> templates() {
        return StudyTemplates.all();
    }

    /** Checks {@code yaml}; with {@code baseStudy}, also against the config that study has. */
    @Transactional
    public ConfigCheck check(String yaml, Long baseStudy) {
        StudyConfig config;
        try {
            config = parse(yaml);
        } catch (StudyConfigException e) {
            return ConfigCheck.invalid(e.problems());
        }
        List<Problem> directions = directionFiles.check(config);
        if (!directions.isEmpty()) {
            return ConfigCheck.invalid(directions);
        }
        List<Change> changes = List.of();
        if (baseStudy != null) {
            String baseYaml =
                    studies.configYaml(baseStudy)
                            .orElseThrow(() -> DomainException.notFound("study " + baseStudy));
            try {
                changes = ConfigChanges.between(parse(baseYaml), config);
            } catch (StudyConfigException e) {
                // Imported under an earlier release's rules: every field counts as changed.
                changes = List.of(new Change("models", true));
            }
        }
        String fingerprint = StimuliFingerprint.of(config);
        return new ConfigCheck(
                true,
                List.of(),
                config.study().slug(),
                config.study().version(),
                config.study().title(),
                studies.byVersion(config.study().slug(), config.study().version()).isPresent(),
                fingerprint,
                baseStudy,
                changes,
                changes.stream().anyMatch(Change::needsNewStimuli),
                bundles.fitting(fingerprint).stream().map(StimulusBundle::id).toList(),
                ConfigCheck.Texts.of(config.study()));
    }

    /** Parses as the import parses config text, so problems read the same. */
    static StudyConfig parse(String yaml) throws StudyConfigException {
        return StudyConfigParser.parse(yaml, StudyFiles.TEXT_SOURCE, Path.of("."));
    }
}
