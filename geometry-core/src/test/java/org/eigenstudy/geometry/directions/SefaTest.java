package org.eigenstudy.geometry.directions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.eigenstudy.geometry.io.NpyArray;
import org.eigenstudy.geometry.model.DeviceChoice;
import org.eigenstudy.geometry.model.Generator;
import org.eigenstudy.geometry.model.ModelCard;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * SeFa's directions are the right singular vectors of A, its scores the squared singular values:
 * checked against EJML's SVD (a different algorithm on A itself, not on AᵀA), on a random A and on
 * the demo generator's first layer read from its TorchScript file.
 */
class SefaTest {

    /** |cos| between each direction and the SVD's right singular vector of the same rank. */
    static void assertSameAsSvd(DMatrixRMaj a, DirectionSet sefa, double tolerance) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(a.numRows, a.numCols, false, true, false);
        assertTrue(svd.decompose(a.copy()));
        double[] sigma = svd.getSingularValues();
        DMatrixRMaj v = svd.getV(null, false);
        Integer[] order = new Integer[sigma.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(sigma[y], sigma[x]));
        for (int j = 0; j < sefa.directions().size(); j++) {
            Direction d = sefa.directions().get(j);
            int k = order[j];
            double dot = 0;
            for (int i = 0; i < a.numCols; i++) {
                dot += d.vector()[i] * v.get(i, k);
            }
            assertEquals(1.0, Math.abs(dot), tolerance, "direction " + (j + 1));
            assertEquals(sigma[k] * sigma[k], d.score(), tolerance * sigma[k] * sigma[k]);
            assertEquals(1.0, UnitVectors.norm(d.vector()), 1e-12);
        }
    }

    @Test
    void directionsAreTheRightSingularVectors() {
        Random random = new Random(7);
        DMatrixRMaj a = new DMatrixRMaj(40, 8);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = random.nextGaussian();
        }
        DirectionSet sefa = Sefa.directions(a, 5, List.of("fixture"));
        assertEquals("sefa", sefa.method());
        assertEquals("sefa-1", sefa.directions().get(0).label());
        assertSameAsSvd(a, sefa, 1e-10);
        assertThrows(IllegalArgumentException.class, () -> Sefa.directions(a, 9, List.of()));
    }

    @Test
    void aTransposedConvolutionOnTheCodeIsReadAsTheMapItComputes() {
        // weight [in=3, out=2, 2, 2]: y[o, i, j] = sum_c z[c] * w[c, o, i, j] for a 1x1 input.
        int in = 3;
        int rest = 2 * 2 * 2;
        double[] w = new double[in * rest];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i * 37 % 11) - 5;
        }
        double[] z = {0.5, -1.5, 2.0};
        DMatrixRMaj a = Sefa.latentMap(new int[] {3, 2, 2, 2}, w, 3, "conv");
        DMatrixRMaj y = new DMatrixRMaj(rest, 1);
        CommonOps_DDRM.mult(a, new DMatrixRMaj(3, 1, true, z), y);
        for (int f = 0; f < rest; f++) {
            double expected = 0;
            for (int c = 0; c < in; c++) {
                expected += z[c] * w[c * rest + f];
            }
            assertEquals(expected, y.get(f, 0), 1e-12);
        }
        // A linear layer's weight [out, in] is A as it is.
        DMatrixRMaj linear = Sefa.latentMap(new int[] {4, 3}, new double[12], 3, "fc");
        assertEquals(4, linear.numRows);
        assertEquals(3, linear.numCols);
        IllegalArgumentException wrong =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Sefa.latentMap(new int[] {4, 5}, new double[20], 3, "fc"));
        assertTrue(
                wrong.getMessage().contains("does not map a 3-d latent code"), wrong.getMessage());
    }

    @Test
    void demoGeneratorFirstLayer() {
        try (Generator module =
                Generator.open(
                        ModelCard.read(Path.of("models/demo/model-card.json")),
                        "z",
                        DeviceChoice.CPU)) {
            NpyArray weight = module.parameter("net.0.weight").orElseThrow();
            assertEquals(
                    List.of(64, 128, 4, 4),
                    java.util.Arrays.stream(weight.shape()).boxed().toList());
            DMatrixRMaj a = Sefa.latentMap(weight.shape(), weight.data(), 64, "net.0.weight");
            assertEquals(128 * 16, a.numRows);
            DirectionSet sefa = Sefa.directions(a, 10, List.of("net.0.weight"));
            assertSameAsSvd(a, sefa, 1e-9);
            assertTrue(module.parameter("no.such.weight").isEmpty());
        }
    }

    /**
     * StyleGAN's W: without named weights SeFa stacks the style affines (SeFa's A for StyleGAN),
     * here chosen by their parameter names' suffix, independently of the card's wplus.styles; with
     * layers [2, 4) only the affines rosinality's layout feeds from w2 and w3.
     */
    @Test
    void styleGanWFactorisesTheChosenLayersStyleAffines() throws Exception {
        ModelCard card =
                ModelCard.read(
                        Path.of(
                                SefaTest.class
                                        .getResource("/exports/stylegan2-narrow/model-card.json")
                                        .toURI()));
        try (Generator module = Generator.open(card, "w", DeviceChoice.CPU)) {
            List<String> affines =
                    module.parameterNames().stream()
                            .filter(n -> n.endsWith(".modulation.weight"))
                            .toList();
            assertEquals(11, affines.size()); // conv1, to_rgb1, 6 convs, 3 to_rgbs at 32 px
            DirectionSet all = ModelDirections.sefa(module, List.of(), null, 4);
            assertSameAsSvd(stacked(module, affines), all, 1e-8);
            assertEquals(
                    java.util.Set.copyOf(affines),
                    java.util.Set.copyOf((List<?>) all.provenance().get("weights")));

            List<String> w2w3 =
                    List.of(
                            "g.convs.1.conv.modulation.weight",
                            "g.to_rgbs.0.conv.modulation.weight",
                            "g.convs.2.conv.modulation.weight");
            DirectionSet layered =
                    ModelDirections.sefa(
                            module,
                            List.of(),
                            new org.eigenstudy.studyconfig.model.DirectionsSpec.LayerRange(2, 4),
                            3);
            assertSameAsSvd(stacked(module, w2w3), layered, 1e-8);
            assertEquals(
                    java.util.Set.copyOf(w2w3),
                    java.util.Set.copyOf((List<?>) layered.provenance().get("weights")));
        }
    }

    /** The named [features, dim] weights as one A, rows stacked. */
    private static DMatrixRMaj stacked(Generator module, List<String> names) {
        List<DMatrixRMaj> maps =
                names.stream()
                        .map(
                                n -> {
                                    NpyArray w = module.parameter(n).orElseThrow();
                                    return new DMatrixRMaj(
                                            w.shape()[0], w.shape()[1], true, w.data());
                                })
                        .toList();
        DMatrixRMaj a = new DMatrixRMaj(maps.stream().mapToInt(m -> m.numRows).sum(), 16);
        int row = 0;
        for (DMatrixRMaj m : maps) {
            CommonOps_DDRM.insert(m, a, row, 0);
            row += m.numRows;
        }
        return a;
    }
}
