package org.eigenstudy.studyconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.eigenstudy.studyconfig.model.AxesSpec;
import org.eigenstudy.studyconfig.model.AxisClass;
import org.eigenstudy.studyconfig.model.Exploration;
import org.eigenstudy.studyconfig.model.ImageDistance;
import org.eigenstudy.studyconfig.model.ModelSpec;
import org.junit.jupiter.api.Test;

/** The study files shipped in study-config/ parse and say what their comments promise. */
class ShippedStudyFilesTest {
    // Surefire runs in the module directory.
    static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void demoParsesAndPointsAtTheCommittedDemoGenerator() throws StudyConfigException {
        StudyConfig demo = StudyConfigParser.parse(MODULE.resolve("demo.yaml"));

        assertEquals("demo", demo.study().slug());
        ModelSpec model = demo.model("demo").orElseThrow();
        assertEquals(
                MODULE.getParent().resolve("geometry-core/models/demo/model-card.json"),
                demo.resolveCard(model));
        assertEquals("z", model.space());
        // The demo generator's z space has 64 dimensions (docs/model-card.md).
        assertEquals(List.of(), demo.checkAgainstDimension(model, 64));
        assertEquals(ImageDistance.MSE, model.stimuli().hessian().distance());
        assertEquals(12, demo.design().trialsPerParticipant());
        assertEquals(2, demo.design().catchTrials());
        assertEquals(true, demo.design().practiceTrial());
    }

    @Test
    void paperReplicationHasTheFourGansOfTheHumanStudy() throws StudyConfigException {
        StudyConfig paper = StudyConfigParser.parse(MODULE.resolve("paper-replication.yaml"));

        assertEquals(
                List.of("pggan", "biggan", "stylegan2-face", "stylegan2-cat"),
                paper.models().stream().map(ModelSpec::id).toList());
        assertEquals(
                List.of("z", "noise", "z", "z"),
                paper.models().stream().map(ModelSpec::space).toList());
        for (ModelSpec model : paper.models()) {
            assertEquals(10, model.stimuli().axes().top(), model.id());
            assertEquals(10, model.stimuli().axes().orthogonal(), model.id());
            assertEquals(15, model.stimuli().axes().orthogonalExcludeTop(), model.id());
            assertEquals(10, model.stimuli().axes().bottom(), model.id());
            assertEquals(5, model.stimuli().references(), model.id());
            assertEquals(7, model.stimuli().frames(), model.id());
            assertEquals(ImageDistance.LPIPS, model.stimuli().hessian().distance(), model.id());
            assertEquals(
                    MODULE.getParent().resolve("models/" + cardFolder(model) + "/model-card.json"),
                    paper.resolveCard(model));
            // PGGAN and StyleGAN2 are 512-d, BigGAN's noise space 128-d (paper.md).
            int dim = model.id().equals("biggan") ? 128 : 512;
            assertEquals(List.of(), paper.checkAgainstDimension(model, dim), model.id());
        }
        // The paper's exploration distances (paper.md).
        assertEquals(0.2, paper.model("pggan").orElseThrow().stimuli().distance());
        assertEquals(
                Exploration.SPHERICAL, paper.model("pggan").orElseThrow().stimuli().exploration());
        assertEquals(2.5, paper.model("biggan").orElseThrow().stimuli().distance());
        assertEquals(
                Exploration.LINEAR, paper.model("biggan").orElseThrow().stimuli().exploration());
        assertEquals(0.35, paper.model("stylegan2-face").orElseThrow().stimuli().distance());
        assertEquals(0.35, paper.model("stylegan2-cat").orElseThrow().stimuli().distance());
    }

    @Test
    void methodsDemoComparesTheMethodsAtMatchedSteps() throws StudyConfigException {
        StudyConfig methods = StudyConfigParser.parse(MODULE.resolve("methods-demo.yaml"));

        ModelSpec model = methods.model("demo").orElseThrow();
        assertEquals(
                MODULE.getParent().resolve("geometry-core/models/demo/model-card.json"),
                methods.resolveCard(model));
        assertEquals(List.of(), methods.checkAgainstDimension(model, 64));
        AxesSpec axes = model.stimuli().axes();
        assertEquals(List.of(4, 0, 0, 4, 4, 4, 0), counts(axes));
        assertEquals(
                List.of(AxisClass.TOP, AxisClass.GANSPACE, AxisClass.SEFA, AxisClass.RANDOM),
                methods.design().axisClasses());
        assertEquals(ImageDistance.MSE, model.stimuli().hessian().distance());
        assertEquals(0.02, model.stimuli().matchedSteps().imageDistance());
    }

    private static List<Integer> counts(AxesSpec axes) {
        return java.util.Arrays.stream(AxisClass.values()).map(axes::count).toList();
    }

    private static String cardFolder(ModelSpec model) {
        return switch (model.id()) {
            case "pggan" -> "pggan-celebahq-256";
            case "biggan" -> "biggan-deep-256";
            case "stylegan2-face" -> "stylegan2-face-1024";
            default -> "stylegan2-cat-256";
        };
    }
}
