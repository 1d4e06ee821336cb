package org.eigenstudy.studyconfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eigenstudy.studyconfig.model.Design;
import org.eigenstudy.studyconfig.model.ModelSpec;
import org.eigenstudy.studyconfig.model.Recruitment;
import org.eigenstudy.studyconfig.model.StudyInfo;

/**
 * A parsed, validated study config with every default applied. Build it with {@link
 * StudyConfigParser}; {@code source} says where it came from, so later checks can point into the
 * file.
 */
public record StudyConfig(
        StudyInfo study,
        List<ModelSpec> models,
        Design design,
        Recruitment recruitment,
        ConfigSource source) {

    public StudyConfig {
        models = List.copyOf(models);
    }

    public Optional<ModelSpec> model(String id) {
        return models.stream().filter(model -> model.id().equals(id)).findFirst();
    }

    /** The model card file, resolved relative to the YAML file's directory. */
    public Path resolveCard(ModelSpec model) {
        return source.baseDirectory().resolve(model.card()).normalize();
    }

    /**
     * The LPIPS feature-map card, resolved like model cards; empty unless the distance is lpips.
     */
    public Optional<Path> resolveFeatureMap(ModelSpec model) {
        return Optional.ofNullable(model.stimuli().hessian().featureMap())
                .map(path -> source.baseDirectory().resolve(path).normalize());
    }

    /** The researcher's own Hessian codes of {@code model} (hessian.codes), if it names a file. */
    public Optional<Path> resolveHessianCodes(ModelSpec model) {
        return Optional.ofNullable(model.stimuli().hessian().codes())
                .map(path -> source.baseDirectory().resolve(path).normalize());
    }

    /**
     * The researcher's imported directions of {@code model} (directions.imported), resolved like
     * model cards; empty unless the model imports directions (axes.imported > 0).
     */
    public Optional<Path> resolveImportedDirections(ModelSpec model) {
        if (model.stimuli().axes().imported() == 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(model.stimuli().directions().importedFile())
                .map(path -> source.baseDirectory().resolve(path).normalize());
    }

    /**
     * One problem per referenced file (model card, feature-map card, Hessian codes, imported
     * directions) that does not exist as a regular file, located at the field naming it.
     */
    public List<Problem> checkFilesExist() {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            ModelSpec model = models.get(i);
            checkFile(resolveCard(model), modelPath(i) + ".card", "model card", problems);
            Optional<Path> featureMap = resolveFeatureMap(model);
            if (featureMap.isPresent()) {
                String field = modelPath(i) + ".stimuli.hessian.feature_map";
                checkFile(featureMap.get(), field, "feature-map card", problems);
            }
            Optional<Path> codes = resolveHessianCodes(model);
            if (codes.isPresent()) {
                String field = modelPath(i) + ".stimuli.hessian.codes";
                checkFile(codes.get(), field, "codes file", problems);
            }
            Optional<Path> imported = resolveImportedDirections(model);
            if (imported.isPresent()) {
                String field = modelPath(i) + ".stimuli.directions.imported";
                checkFile(imported.get(), field, "directions file", problems);
            }
        }
        return problems;
    }

    private void checkFile(Path file, String field, String what, List<Problem> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(
                    new Problem(source.name(), 0, 0, field, what + " not found: " + file)
                            .at(source.name(), source.locate(field), ""));
        }
    }

    /**
     * {@link org.eigenstudy.studyconfig.model.StimulusSpec#checkAgainstDimension} for one model,
     * with full field paths and file locations.
     */
    public List<Problem> checkAgainstDimension(ModelSpec model, int dim) {
        int index = models.indexOf(model);
        if (index < 0) {
            throw new IllegalArgumentException("model '" + model.id() + "' is not in this config");
        }
        String prefix = modelPath(index) + ".stimuli.";
        return model.stimuli().checkAgainstDimension(dim).stream()
                .map(p -> p.at(source.name(), source.locate(prefix + p.field()), prefix))
                .toList();
    }

    private static String modelPath(int index) {
        return "models[" + index + "]";
    }
}
