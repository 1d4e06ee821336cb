package org.eigenstudy.backend.statistics.headline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eigenstudy.backend.statistics.Measure;
import org.eigenstudy.backend.statistics.headline.HeadlineTrials.AxisKey;
import org.eigenstudy.backend.statistics.headline.MeasureHeadline.EffectSize;
import org.eigenstudy.backend.statistics.headline.MeasureHeadline.VarianceComponents;
import org.eigenstudy.backend.statistics.mixed.ClassInference;
import org.eigenstudy.backend.statistics.mixed.ClassInference.ClassContrast;
import org.eigenstudy.backend.statistics.mixed.GlmmFit;
import org.eigenstudy.backend.statistics.mixed.LmmFit;
import org.eigenstudy.backend.statistics.mixed.LogisticMixedModel;
import org.eigenstudy.backend.statistics.mixed.MixedDesign;
import org.eigenstudy.backend.statistics.mixed.RandomEffectsSelection;
import org.eigenstudy.backend.statistics.tidy.TidyData;

/**
 * Fits the headline models: per rating a linear mixed model (REML) {@code y ~ class [+ model] + (1
 * + class | participant) + (1 | [model:]axis)}, falling back to {@code (1 | participant)} when the
 * slopes' fit is singular, and for "change seen" a logistic mixed model {@code seen ~ class [+
 * model] + (1 | participant) + (1 | [model:]axis)} (Laplace). Ratings asked only after a seen
 * change are also refitted with unseen trials scored as zero where the scale has a zero (magnitude
 * 0 %, shared count 0): the sensitivity analysis of docs/statistics.md.
 */
public final class HeadlineAnalyser {

    /** Every condition's label in level order; the design keeps those with rows. */
    static final List<String> CLASSES = TidyData.CLASS_LEVELS;

    static final String LMM = "linear mixed model (REML)";
    static final String GLMM = "logistic mixed model (Laplace)";
    static final String CONDITIONAL =
            "asked only after a change was seen: the model describes seen trials only (a"
                    + " conditional mean), so a class whose changes are seen less often is compared"
                    + " on fewer, selected trials";

    private final HeadlineTrials trials;
    private final double confidence;
    private final boolean severalModels;
    // Written by the fits of magnitude and change seen, which run on pool threads.
    private final Map<String, Double> magnitudeEffects = new ConcurrentHashMap<>();
    private final Map<String, Double> seenEffects = new ConcurrentHashMap<>();

    private HeadlineAnalyser(HeadlineTrials trials, double confidence) {
        this.trials = trials;
        this.confidence = confidence;
        this.severalModels = trials.severalModels();
    }

    /** The headline of the given trials; a model that cannot be fitted is reported as such. */
    public static Headline analyse(HeadlineTrials trials, double confidence) {
        HeadlineAnalyser a = new HeadlineAnalyser(trials, confidence);
        // The seven fits are independent: one thread per core, the GLMM (the longest) first so
        // the linear models fill the other cores meanwhile. Each fit is single-threaded.
        int threads = Math.max(1, Math.min(FITS, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, HeadlineAnalyser::fitThread);
        try {
            Future<MeasureHeadline> seen = pool.submit(a::seen);
            Map<Measure, Future<MeasureHeadline>> linear = new EnumMap<>(Measure.class);
            Map<Measure, Future<MeasureHeadline>> zeroed = new EnumMap<>(Measure.class);
            for (Measure m : Measure.CONTINUOUS) {
                boolean conditional = m != Measure.DIFFICULTY;
                linear.put(m, pool.submit(() -> a.linear(m, conditional, false)));
                if (m == Measure.MAGNITUDE || m == Measure.SHARED_COUNT) {
                    zeroed.put(m, pool.submit(() -> a.linear(m, conditional, true)));
                }
            }
            List<MeasureHeadline> measures = new ArrayList<>();
            measures.add(result(seen));
            for (Measure m : Measure.CONTINUOUS) {
                MeasureHeadline h = result(linear.get(m));
                if (zeroed.containsKey(m)) {
                    h = h.withSensitivity(result(zeroed.get(m)));
                }
                measures.add(h);
            }
            return new Headline(
                    severalModelsNote(a.severalModels),
                    measures,
                    AxisTable.rows(trials, a.magnitudeEffects, a.seenEffects));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Seven fits: change seen, four ratings, two sensitivity refits. */
    private static final int FITS = 7;

    private static Thread fitThread(Runnable r) {
        Thread t = new Thread(r, "headline-fit");
        t.setDaemon(true);
        return t;
    }

    private static MeasureHeadline result(Future<MeasureHeadline> fit) {
        try {
            return fit.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting the headline models", e);
        } catch (ExecutionException e) {
            // seen() and linear() report their own fitting failures; anything else is a bug.
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String severalModelsNote(boolean several) {
        return "Fixed effects: axis class"
                + (several ? " and model" : "")
                + "; random effects: crossed intercepts for participant and for axis"
                + (several ? " (nested in model)" : "")
                + ", plus by-participant slopes for class in the linear models where the data"
                + " support them. Class means average over models with equal weights (emmeans).";
    }

    private MixedDesign.Builder builder(boolean slopes) {
        return MixedDesign.builder(CLASSES).randomSlopes(slopes);
    }

    private void add(MixedDesign.Builder b, int row, double value) {
        AxisKey k = trials.axisOf(row);
        b.add(
                Integer.toString(trials.participant[row]),
                k.model(),
                axisId(k),
                k.axisClass().label(),
                value);
    }

    static String axisId(AxisKey k) {
        return k.axisClass().label() + k.rank();
    }

    private String formula(String response, boolean slopes) {
        return response
                + " ~ class"
                + (severalModels ? " + model" : "")
                + " + (1"
                + (slopes ? " + class" : "")
                + " | participant) + (1 | "
                + (severalModels ? "model:axis" : "axis")
                + ")";
    }

    private MeasureHeadline seen() {
        Measure m = Measure.SEEN_CHANGE;
        String note = "probability that a change was seen, from every analysed trial";
        try {
            MixedDesign.Builder b = builder(false);
            for (int r = 0; r < trials.size; r++) {
                add(b, r, trials.value(m, r));
            }
            MixedDesign design = b.build();
            GlmmFit fit = LogisticMixedModel.fit(design);
            ClassInference inference = ClassInference.of(fit, confidence);
            List<EffectSize> effects = new ArrayList<>();
            for (ClassContrast c : inference.contrasts()) {
                effects.add(
                        new EffectSize(
                                c.first(),
                                c.second(),
                                "odds ratio",
                                Math.exp(c.estimate()),
                                Math.exp(c.lower()),
                                Math.exp(c.upper())));
            }
            double[] b2 = fit.axisEffects();
            for (int a = 0; a < b2.length; a++) {
                seenEffects.put(design.axisLevels().get(a), b2[a]);
            }
            VarianceComponents v =
                    new VarianceComponents(
                            fit.participantVariance(),
                            null,
                            fit.axisVariance(),
                            null,
                            fit.iccParticipant(),
                            fit.iccAxis());
            return Finite.check(
                    new MeasureHeadline(
                            m.key(),
                            m.title(),
                            GLMM,
                            formula("seen", false),
                            "Wald z on the logit scale (asymptotic, emmeans' default for glmer);"
                                    + " means and intervals back-transformed to probabilities",
                            false,
                            note,
                            (long) design.observations(),
                            design.participantLevels().size(),
                            design.axisLevels().size(),
                            false,
                            null,
                            fit.singular(),
                            inference.means(),
                            inference.contrasts(),
                            effects,
                            v,
                            fit.logLik(),
                            null,
                            null));
        } catch (RuntimeException e) {
            return MeasureHeadline.unavailable(m.key(), m.title(), GLMM, false, note, reason(e));
        }
    }

    private MeasureHeadline linear(Measure m, boolean conditional, boolean zeroUnseen) {
        String key = zeroUnseen ? m.key() + "_unseen_as_zero" : m.key();
        String title = zeroUnseen ? m.title() + ", unseen scored as 0" : m.title();
        String note =
                zeroUnseen
                        ? "sensitivity analysis: every analysed trial, a trial without a seen change"
                                + " scored 0 (no change: 0 % magnitude, 0 images sharing it)"
                        : conditional ? CONDITIONAL : "asked on every trial";
        try {
            MixedDesign.Builder b = builder(true);
            for (int r = 0; r < trials.size; r++) {
                double v = trials.value(m, r);
                if (zeroUnseen && trials.value(Measure.SEEN_CHANGE, r) == 0) {
                    v = 0;
                }
                if (Double.isFinite(v)) {
                    add(b, r, v);
                }
            }
            MixedDesign design = b.build();
            RandomEffectsSelection selection = RandomEffectsSelection.fit(design, true);
            LmmFit fit = selection.fit();
            ClassInference inference = ClassInference.of(fit, confidence);
            double sd =
                    Math.sqrt(
                            fit.participantVariance()
                                    + fit.axisVariance()
                                    + fit.residualVariance());
            List<EffectSize> effects = new ArrayList<>();
            for (ClassContrast c : inference.contrasts()) {
                effects.add(
                        new EffectSize(
                                c.first(),
                                c.second(),
                                "d (difference / total SD)",
                                c.estimate() / sd,
                                c.lower() / sd,
                                c.upper() / sd));
            }
            if (m == Measure.MAGNITUDE && !zeroUnseen) {
                double[] effectsOfAxes = fit.axisEffects();
                for (int a = 0; a < effectsOfAxes.length; a++) {
                    magnitudeEffects.put(design.axisLevels().get(a), effectsOfAxes[a]);
                }
            }
            List<Double> covariance = null;
            if (selection.randomSlopes()) {
                covariance = new ArrayList<>();
                for (double c : fit.participantCovariance()) {
                    covariance.add(c);
                }
            }
            VarianceComponents v =
                    new VarianceComponents(
                            fit.participantVariance(),
                            covariance,
                            fit.axisVariance(),
                            fit.residualVariance(),
                            fit.iccParticipant(),
                            fit.iccAxis());
            return Finite.check(
                    new MeasureHeadline(
                            key,
                            title,
                            LMM,
                            formula(m.key(), selection.randomSlopes()),
                            "t with Satterthwaite df (lmerTest, emmeans lmer.df = \"satterthwaite\")",
                            conditional && !zeroUnseen,
                            note,
                            (long) design.observations(),
                            design.participantLevels().size(),
                            design.axisLevels().size(),
                            selection.randomSlopes(),
                            selection.fallbackReason(),
                            fit.singular(),
                            inference.means(),
                            inference.contrasts(),
                            effects,
                            v,
                            fit.logLik(),
                            null,
                            null));
        } catch (RuntimeException e) {
            return MeasureHeadline.unavailable(key, title, LMM, conditional, note, reason(e));
        }
    }

    private static String reason(RuntimeException e) {
        return "the model could not be fitted: " + e.getMessage();
    }
}
