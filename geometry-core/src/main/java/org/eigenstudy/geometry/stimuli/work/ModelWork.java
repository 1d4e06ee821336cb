package org.eigenstudy.geometry.stimuli.work;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.eigenstudy.geometry.directions.ImportedDirections;
import org.eigenstudy.geometry.model.LatentCodes;
import org.eigenstudy.geometry.stimuli.ModelPlan;
import org.eigenstudy.studyconfig.manifest.Sha256;

/**
 * The finished intermediate work of one model, kept so an interrupted run resumes: per-point
 * Hessians, the average Hessian with its eigenpairs, and one record per rendered strip. The folder
 * carries a fingerprint of the model card, the model's spec and its own Hessian codes file, if any;
 * when one changes, the old work is discarded instead of being mixed into the new run.
 */
public final class ModelWork {
    private static final String FINGERPRINT = "fingerprint.txt";
    private final Path root;

    private ModelWork(Path root) {
        this.root = root;
    }

    /** {@code root} for this plan, emptied first if it holds work of a different spec or card. */
    public static ModelWork open(Path root, ModelPlan plan) {
        String expected = fingerprint(plan);
        Path file = root.resolve(FINGERPRINT);
        try {
            if (Files.isRegularFile(file)
                    && !Files.readString(file, StandardCharsets.UTF_8).equals(expected)) {
                deleteTree(root);
            }
            if (!Files.isRegularFile(file)) {
                AtomicFiles.write(file, expected.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelWork(root);
    }

    /** Whether {@code root} holds work made for exactly this plan. */
    public static boolean matches(Path root, ModelPlan plan) {
        try {
            Path file = root.resolve(FINGERPRINT);
            return Files.isRegularFile(file)
                    && Files.readString(file, StandardCharsets.UTF_8).equals(fingerprint(plan));
        } catch (IOException e) {
            return false;
        }
    }

    /** SHA-256 over the card's bytes and the spec record's text (records print every field). */
    static String fingerprint(ModelPlan plan) {
        // The own Hessian codes by content: a new file under the same name is new work.
        String codes = plan.hessianCodes() == null ? "" : LatentCodes.sha256(plan.hessianCodes());
        String text =
                plan.card().sha256()
                        + "\n"
                        + plan.spec()
                        + "\n"
                        + plan.exploration()
                        + "\n"
                        + codes;
        // Imported directions by content too, and only when used, so other work keeps its print.
        if (plan.importedDirections() != null) {
            text += "\nimported " + Sha256.of(readAll(plan.importedDirections()));
            // A .npy's labels name the axes in the manifest: new labels are new work too.
            text +=
                    ImportedDirections.labelsFile(plan.importedDirections())
                            .map(labels -> "\nimported labels " + Sha256.of(readAll(labels)))
                            .orElse("");
        }
        return Sha256.of(text) + "\n";
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path pointHessian(int point) {
        return pointPath(root, point);
    }

    /** Where point {@code point}'s Hessian lies in a work folder (also a shard's model folder). */
    public static Path pointPath(Path root, int point) {
        return root.resolve(String.format(Locale.ROOT, "hessians/point-%04d.npy", point));
    }

    public Path averageHessian() {
        return root.resolve("average-hessian.npy");
    }

    public Path eigenvalues() {
        return root.resolve("eigenvalues.npy");
    }

    public Path eigenvectors() {
        return root.resolve("eigenvectors.npy");
    }

    /** Where the other methods' directions are kept once computed (SeFa, GANSpace). */
    public Path directions() {
        return root.resolve("directions");
    }

    public Path strip(String axisId, int reference) {
        return root.resolve("strips/" + axisId + "-r" + reference + ".json");
    }

    /** Where the model's spectrum and homogeneity plots and summary are made. */
    public Path geometry() {
        return root.resolve("geometry");
    }

    public Path root() {
        return root;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
