package org.eigenstudy.backend.statistics.planning.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.statistics.Measure;
import org.eigenstudy.backend.statistics.mixed.MixedDesign;
import org.eigenstudy.backend.statistics.planning.PilotModel;
import org.eigenstudy.backend.statistics.planning.PowerReport;
import org.eigenstudy.backend.statistics.planning.PowerRun;
import org.eigenstudy.backend.statistics.planning.PowerSimulation;
import org.eigenstudy.backend.statistics.planning.store.PowerRunStore;
import org.eigenstudy.backend.statistics.tidy.TidyData;
import org.eigenstudy.backend.statistics.tidy.TidyResponse;
import org.eigenstudy.backend.statistics.tidy.store.TidyResponseStore;
import org.eigenstudy.backend.study.service.Study;
import org.eigenstudy.backend.study.service.StudyService;

/**
 * Power of a planned study from the current responses as the pilot. The study is read in its own
 * short transaction; the simulation runs outside any, since it touches no database and may take
 * tens of seconds. The finished run is kept ({@link PowerRunStore}, the last per study version and
 * measure) so the statistics report can show it without simulating again.
 */
@ApplicationScoped
public class PowerService {

    static final double ALPHA = 0.05;

    @Inject TidyResponseStore store;
    @Inject StudyService studies;
    @Inject PowerRunStore runs;

    public PowerReport power(long studyId, PowerRequest request) {
        // Access first: a caller who may not see the study learns nothing, not even a bad body.
        Study study = QuarkusTransaction.requiringNew().call(() -> studies.require(studyId));
        Measure measure = request.validate();
        TidyData data =
                QuarkusTransaction.requiringNew()
                        .call(() -> store.read(studyId, study.design().maxFailedCatchTrials()));
        MixedDesign design = data.design(measure);
        if (design == null || design.participantLevels().size() < 2) {
            throw DomainException.invalid(
                    "the study has too few responses with "
                            + measure.key()
                            + " to serve as a pilot (it needs two participants or more)",
                    "measure",
                    "no-pilot");
        }
        PilotModel pilot;
        try {
            pilot = PilotModel.fit(design, measure == Measure.SEEN_CHANGE);
        } catch (RuntimeException e) {
            throw DomainException.invalid(
                    "the pilot's mixed model cannot be fitted: " + e.getMessage(),
                    "measure",
                    "pilot-fit");
        }
        int pilotAxes = axesPerClass(data, measure);
        PowerSimulation.Settings settings =
                new PowerSimulation.Settings(
                        request.participants(),
                        request.axesPerClass() == null || request.axesPerClass().isEmpty()
                                ? List.of(Math.max(PowerRequest.MIN_AXES, pilotAxes))
                                : request.axesPerClass(),
                        request.simulationsOrDefault(),
                        request.seedOrDefault(),
                        ALPHA);
        double work = PowerSimulation.estimatedMillis(pilot, settings);
        if (work > PowerRequest.MAX_WORK_MS) {
            int fits = (int) Math.floor(settings.simulations() * PowerRequest.MAX_WORK_MS / work);
            throw DomainException.invalid(
                    String.format(
                            Locale.ROOT,
                            "this grid would take about %.0f s of computing (the limit is %.0f s):"
                                    + " use at most %d simulations, or fewer or smaller"
                                    + " participant and axis counts",
                            work / 1000,
                            PowerRequest.MAX_WORK_MS / 1000,
                            fits),
                    "simulations",
                    "work");
        }
        List<PowerSimulation.Cell> cells = PowerSimulation.run(pilot, settings);
        PowerReport report =
                PowerReport.of(
                        measure.key(),
                        measure.title(),
                        pilot,
                        design.participantLevels().size(),
                        design.observations(),
                        pilotAxes,
                        settings,
                        cells);
        PowerRun run = PowerRun.of(report, data.maxFailedCatchTrials(), Instant.now());
        QuarkusTransaction.requiringNew().run(() -> runs.save(studyId, run));
        return report;
    }

    /**
     * The study's last simulation per measure, in the report's order of measures; empty when none
     * was run. One short read: the report shows what was run, it never simulates.
     */
    public List<PowerRun> lastRuns(long studyId) {
        return QuarkusTransaction.requiringNew().call(() -> runs.last(studyId)).stream()
                .sorted(Comparator.comparingInt(r -> order(r.measure())))
                .toList();
    }

    private static int order(String key) {
        for (Measure m : Measure.values()) {
            if (m.key().equals(key)) {
                return m.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }

    /** Distinct axes per class in the pilot, averaged over the classes present and rounded. */
    private static int axesPerClass(TidyData data, Measure measure) {
        Set<String> axes = new HashSet<>();
        Set<String> classes = new HashSet<>();
        for (TidyResponse r : data.rows()) {
            if (!Double.isNaN(r.value(measure))) {
                axes.add(r.model() + ":" + r.axis());
                classes.add(r.axisClass().label());
            }
        }
        return (int) Math.round(axes.size() / (double) Math.max(1, classes.size()));
    }
}
