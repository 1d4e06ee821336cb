package org.eigenstudy.studyconfig.parse;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eigenstudy.studyconfig.ConfigSource;
import org.eigenstudy.studyconfig.StudyConfig;
import org.eigenstudy.studyconfig.StudyConfigException;
import org.eigenstudy.studyconfig.manifest.Sha256;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.eigenstudy.studyconfig.model.ConfigEnum;
import org.eigenstudy.studyconfig.model.Design;
import org.eigenstudy.studyconfig.model.Exclusion;
import org.eigenstudy.studyconfig.model.ModelSpec;
import org.eigenstudy.studyconfig.model.Ordering;
import org.eigenstudy.studyconfig.model.Presentation;
import org.eigenstudy.studyconfig.model.Recruitment;
import org.eigenstudy.studyconfig.model.StudyInfo;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns study YAML into a {@link StudyConfig}, collecting every problem before failing. Uses
 * SnakeYAML's node API (compose), not object construction, so every value keeps its line and column
 * and duplicate keys stay visible. The ranges here are the ones README.md documents.
 *
 * <p>Longer than ~250 lines on purpose: it holds one short method per top-level section (study,
 * models, design, recruitment, exclusion) so the README's tables can be checked against one file;
 * the stimuli section and the scalar rules already live in their own classes.
 */
public final class StudyConfigReader {
    static final StringRule SLUG =
            StringRule.matching(
                    "^[a-z0-9][a-z0-9-]{1,62}$",
                    "2 to 63 lower-case letters, digits or '-', not starting with '-'");
    static final StringRule TITLE = StringRule.nonBlankUpTo(200);
    // Shown to participants on the consent page and the MTurk preview: a few paragraphs, one line.
    static final StringRule DESCRIPTION = StringRule.upTo(4000);
    static final StringRule COMPENSATION = StringRule.upTo(200);
    static final StringRule COMPLETION_CODE =
            StringRule.matching("^[A-Za-z0-9_-]{4,64}$", "4 to 64 letters, digits, '_' or '-'");
    static final StringRule URL =
            StringRule.matching("^https?://[^\\s]+$", "an absolute http(s) URL");
    static final IntRule VERSION = IntRule.atLeast(1);
    static final int MAX_MODELS = 20;
    static final IntRule TRIALS = IntRule.between(1, 500);
    static final IntRule CATCH_TRIALS = IntRule.between(0, 50);
    static final IntRule TIMEOUT_MINUTES = IntRule.between(5, 1440);
    static final IntRule MAX_FAILED = IntRule.between(0, 50);
    static final IntRule MAX_PARTICIPANTS = IntRule.between(1, 1_000_000);
    // Ten years: longer than any ethics approval we know of; 0 switches pseudonymisation off.
    static final IntRule RETENTION_DAYS = IntRule.between(0, 3650);

    private final ProblemSink sink;

    private StudyConfigReader(String sourceName) {
        this.sink = new ProblemSink(sourceName);
    }

    /**
     * Parses {@code text}; {@code sourceName} names the file in problems and {@code baseDirectory}
     * is where relative card paths start.
     */
    public static StudyConfig read(String text, String sourceName, Path baseDirectory)
            throws StudyConfigException {
        StudyConfigReader reader = new StudyConfigReader(sourceName);
        StudyConfig config = reader.readText(text, sourceName, baseDirectory);
        if (!reader.sink.isEmpty()) {
            throw new StudyConfigException(reader.sink.problems());
        }
        return config;
    }

    private StudyConfig readText(String text, String sourceName, Path baseDirectory) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            // Duplicates are reported by MappingReader with both lines, instead of failing at the
            // first.
            options.setAllowDuplicateKeys(true);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException syntax) {
            sink.add(
                    syntax.getProblemMark() != null
                            ? syntax.getProblemMark()
                            : syntax.getContextMark(),
                    "(syntax)",
                    syntaxMessage(syntax));
            return null;
        } catch (YAMLException unreadable) {
            sink.add((Node) null, "(syntax)", unreadable.getMessage());
            return null;
        }
        if (root == null) {
            sink.add(
                    (Node) null, "(root)", "file is empty; expected the sections study and models");
            return null;
        }
        MappingReader top =
                MappingReader.of(
                        root,
                        "",
                        sink,
                        "a mapping with the sections study, models, design, recruitment");
        StudyInfo study = readStudy(top.requiredSection("study"));
        List<ModelSpec> models = readModels(top);
        Design design = readDesign(top.section("design"));
        Recruitment recruitment = readRecruitment(top.section("recruitment"));
        top.finish();
        checkAxisClassesExist(models, design);
        return new StudyConfig(
                study,
                models,
                design,
                recruitment,
                new ConfigSource(sourceName, baseDirectory, Sha256.of(text), sink.locations()));
    }

    private StudyInfo readStudy(MappingReader section) {
        StudyInfo study =
                new StudyInfo(
                        section.requiredString("slug", SLUG),
                        section.requiredString("title", TITLE),
                        section.integer("version", 1, VERSION),
                        section.string("description", "", DESCRIPTION),
                        section.string("instructions", "", StringRule.ANY),
                        section.string("consent", "", StringRule.ANY),
                        section.string("debrief", "", StringRule.ANY),
                        section.integer("retention_days", 0, RETENTION_DAYS));
        section.finish();
        return study;
    }

    private List<ModelSpec> readModels(MappingReader top) {
        List<ModelSpec> models = top.list("models", this::readModel);
        if (models == null) {
            top.missing("models", "section");
            return List.of();
        }
        top.value("models")
                .filter(node -> models.isEmpty() || models.size() > MAX_MODELS)
                .filter(node -> node instanceof SequenceNode)
                .ifPresent(
                        node ->
                                top.problem(
                                        node,
                                        "models",
                                        "must list between 1 and "
                                                + MAX_MODELS
                                                + " models, got "
                                                + models.size()));
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            String id = models.get(i).id();
            if (id == null) {
                continue;
            }
            Integer first = firstIndex.putIfAbsent(id, i);
            if (first != null) {
                sink.addAtField(
                        "models[" + i + "].id",
                        "duplicate model id '" + id + "' (also models[" + first + "])");
            }
        }
        return models;
    }

    private ModelSpec readModel(Node node, String path) {
        MappingReader model = MappingReader.of(node, path, sink, "a mapping (one model)");
        String id = model.requiredString("id", SLUG);
        String card = model.requiredString("card", StringRule.NON_BLANK);
        String space = model.requiredString("space", StringRule.NON_BLANK);
        String label = model.nullableString("label", StringRule.ANY);
        MappingReader stimuli = model.requiredSection("stimuli");
        ModelSpec spec = new ModelSpec(id, card, space, label, StimulusSpecReader.read(stimuli));
        model.finish();
        return spec;
    }

    private Design readDesign(MappingReader section) {
        Design defaults = Design.DEFAULT;
        int trials =
                section.integer("trials_per_participant", defaults.trialsPerParticipant(), TRIALS);
        List<AxisClass> classes = readAxisClasses(section, defaults.axisClasses());
        Ordering ordering = section.enumValue("ordering", Ordering.class, defaults.ordering());
        Presentation presentation =
                section.enumValue("presentation", Presentation.class, defaults.presentation());
        int catchTrials = section.integer("catch_trials", defaults.catchTrials(), CATCH_TRIALS);
        boolean practice = section.bool("practice_trial", defaults.practiceTrial());
        boolean allowRepeat = section.bool("allow_repeat", defaults.allowRepeat());
        int timeout =
                section.integer(
                        "session_timeout_minutes",
                        defaults.sessionTimeoutMinutes(),
                        TIMEOUT_MINUTES);
        Integer maxParticipants = section.nullableInteger("max_participants", MAX_PARTICIPANTS);
        MappingReader exclusion = section.section("exclusion");
        int maxFailed = exclusion.integer("max_failed_catch_trials", 0, MAX_FAILED);
        if (maxFailed > catchTrials) {
            exclusion
                    .value("max_failed_catch_trials")
                    .ifPresent(
                            node ->
                                    exclusion.problem(
                                            node,
                                            "max_failed_catch_trials",
                                            "must be at most design.catch_trials ("
                                                    + catchTrials
                                                    + "), got "
                                                    + maxFailed));
        }
        exclusion.finish();
        section.finish();
        return new Design(
                trials,
                classes,
                ordering,
                presentation,
                catchTrials,
                practice,
                allowRepeat,
                timeout,
                new Exclusion(maxFailed),
                maxParticipants);
    }

    private List<AxisClass> readAxisClasses(MappingReader section, List<AxisClass> fallback) {
        List<AxisClass> read =
                section.list(
                        "axis_classes",
                        (node, path) -> section.checkedEnum(path, node, AxisClass.class, false));
        if (read == null) {
            return fallback;
        }
        List<AxisClass> classes = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            AxisClass axisClass = read.get(i);
            if (axisClass != null && !classes.contains(axisClass)) {
                classes.add(axisClass);
            } else if (axisClass != null) {
                sink.addAtField(
                        section.child("axis_classes") + "[" + i + "]",
                        "lists " + axisClass.yamlName() + " more than once");
            }
        }
        if (read.isEmpty()) {
            section.value("axis_classes")
                    .filter(node -> node instanceof SequenceNode)
                    .ifPresent(
                            node ->
                                    section.problem(
                                            node,
                                            "axis_classes",
                                            "must list at least one of "
                                                    + String.join(
                                                            ", ",
                                                            ConfigEnum.names(AxisClass.class))));
        }
        return classes.isEmpty() ? fallback : classes;
    }

    private Recruitment readRecruitment(MappingReader section) {
        Recruitment recruitment =
                new Recruitment(
                        section.nullableString("completion_code", COMPLETION_CODE),
                        section.nullableString("prolific_completion_url", URL),
                        section.string("compensation", "", COMPENSATION));
        section.finish();
        return recruitment;
    }

    /** Every axis class the design shows must have at least one axis in every model. */
    private void checkAxisClassesExist(List<ModelSpec> models, Design design) {
        for (int i = 0; i < models.size(); i++) {
            ModelSpec model = models.get(i);
            if (model.stimuli() == null) {
                continue;
            }
            for (AxisClass axisClass : design.axisClasses()) {
                if (model.stimuli().axes().count(axisClass) == 0) {
                    sink.addAtField(
                            "models[" + i + "].stimuli.axes." + axisClass.yamlName(),
                            "is 0, but design.axis_classes shows "
                                    + axisClass.yamlName()
                                    + " axes; give at least 1 or drop the class from the design");
                }
            }
        }
    }

    private static String syntaxMessage(MarkedYAMLException syntax) {
        String context = syntax.getContext();
        String problem = syntax.getProblem();
        return "YAML syntax error: "
                + (context == null ? "" : context + ", ")
                + (problem == null ? syntax.getMessage() : problem);
    }
}
