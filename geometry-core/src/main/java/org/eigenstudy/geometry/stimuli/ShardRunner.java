package org.eigenstudy.geometry.stimuli;

import java.nio.file.Path;
import java.util.List;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.stimuli.work.HessianPoints;
import org.eigenstudy.geometry.stimuli.work.HessianShards;
import org.eigenstudy.geometry.stimuli.work.ModelWork;
import org.eigenstudy.studyconfig.StudyConfig;
import org.eigenstudy.studyconfig.manifest.StimuliFingerprint;

/**
 * One shard of an Indexed Job: computes only its share of every model's Hessian points into {@code
 * DIR/shard-I/}, resumably, and marks the shard finished when all of them are on disk.
 */
public final class ShardRunner {
    private ShardRunner() {}

    public static void run(
            StudyConfig config,
            Path dir,
            int shard,
            int shards,
            RunOptions options,
            StimulusProgress progress) {
        if (shard < 0 || shard >= shards) {
            throw new GeometryException("--shard must be in 0.." + (shards - 1) + ", got " + shard);
        }
        List<ModelPlan> plans = SpecValidator.plan(config);
        HessianShards layout = new HessianShards(dir, shards);
        long total = 0;
        for (int m = 0; m < plans.size(); m++) {
            total += layout.pointsOf(plans, m, shard).size();
        }
        progress.addTotal(StimulusProgress.Unit.HESSIAN, total);
        for (int m = 0; m < plans.size(); m++) {
            ModelPlan plan = plans.get(m);
            List<Integer> mine = layout.pointsOf(plans, m, shard);
            if (mine.isEmpty()) {
                continue;
            }
            ModelWork work = ModelWork.open(layout.modelDir(shard, plan), plan);
            EngineSession[] session = new EngineSession[1];
            try {
                HessianPoints.compute(
                        plan,
                        mine,
                        work::pointHessian,
                        () -> {
                            session[0] = new EngineSession(plan, options.device(), options.batch());
                            return session[0].fullHessian(plan.spec().stimuli().hessian());
                        },
                        progress);
            } finally {
                if (session[0] != null) {
                    session[0].close();
                }
            }
        }
        layout.markDone(shard, StimuliFingerprint.of(config));
        progress.finish();
    }
}
