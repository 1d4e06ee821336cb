package org.eigenstudy.backend.statistics.mixed;

import static org.eigenstudy.backend.statistics.mixed.MixedReference.assertClose;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * lmer fits against lme4 1.1-31 to 1e-4 relative. The R calls are quoted in references.csv and in
 * every failure message, e.g. for "reml": {@code lmer(magnitude ~ class + (1 | participant) + (1 |
 * axis), data = subset(d, seen == 1), REML = TRUE)}; "ml" is the same with {@code REML = FALSE};
 * "slopes" uses {@code (1 + class | participant)}; "participant_only" drops the axis term.
 */
class LinearMixedModelRTest {

    static final double RELATIVE = 1e-4;

    static Stream<Arguments> fits() {
        List<Arguments> out = new ArrayList<>();
        for (String dataset : MixedReference.DATASETS) {
            out.add(Arguments.of(dataset, "reml"));
            out.add(Arguments.of(dataset, "ml"));
            if (MixedReference.has(dataset, "slopes", "beta")) {
                out.add(Arguments.of(dataset, "slopes"));
                out.add(Arguments.of(dataset, "participant_only"));
            }
        }
        return out.stream();
    }

    static LmmFit fit(String dataset, String fit) {
        MixedDesign d =
                MixedReference.magnitude(
                        dataset, fit.equals("slopes"), !fit.equals("participant_only"));
        return LinearMixedModel.fit(d, !fit.equals("ml"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fits")
    void agreesWithLme4(String dataset, String name) {
        LmmFit fit = fit(dataset, name);
        double s2 = fit.residualVariance();
        assertClose(dataset, name, "beta", fit.beta(), RELATIVE, 1e-3);
        assertClose(dataset, name, "se", fit.standardErrors(), RELATIVE, 0);
        assertClose(dataset, name, "sigma2", new double[] {s2}, RELATIVE, 0);
        assertClose(
                dataset, name, "var_participant", fit.participantCovariance(), RELATIVE, s2 * 1e-3);
        if (!name.equals("participant_only")) {
            assertClose(
                    dataset,
                    name,
                    "var_axis",
                    new double[] {fit.axisVariance()},
                    RELATIVE,
                    s2 * 1e-3);
        }
        assertClose(dataset, name, "logLik", new double[] {fit.logLik()}, RELATIVE, 0);
        assertClose(
                dataset, name, "deviance_criterion", new double[] {fit.criterion()}, RELATIVE, 0);
        assertClose(dataset, name, "isSingular", new double[] {fit.singular() ? 1 : 0}, 0, 0);
    }
}
