package org.eigenstudy.geometry.stimuli.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eigenstudy.geometry.io.Npy;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.geometry.model.ModelCard;
import org.eigenstudy.geometry.stimuli.ModelPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The work fingerprint pins imported directions by content: the vectors, and a {@code .npy}'s
 * labels file, whose labels name the axes in the manifest.
 */
class ModelWorkTest {

    @TempDir Path dir;

    @Test
    void newLabelsForTheSameVectorsAreNewWork() throws Exception {
        ModelCard card = ModelCard.read(Path.of("models/demo/model-card.json"));
        Path npy = dir.resolve("mine.npy");
        Npy.write(npy, new NpyArray(new int[] {1, 2}, new double[] {1, 0}), true);
        ModelPlan plan = new ModelPlan(null, card, card.space("z"), null, null, null, npy);
        String unlabelled = ModelWork.fingerprint(plan);
        assertEquals(unlabelled, ModelWork.fingerprint(plan), "a fingerprint is a function");
        Files.writeString(dir.resolve("mine.labels.txt"), "smile\n");
        String smile = ModelWork.fingerprint(plan);
        assertNotEquals(unlabelled, smile);
        Files.writeString(dir.resolve("mine.labels.txt"), "frown\n");
        assertNotEquals(smile, ModelWork.fingerprint(plan));
    }
}
