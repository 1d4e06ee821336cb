package org.eigenstudy.geometry.stimuli.work;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.stimuli.ModelPlan;

/**
 * The layout of a sharded Hessian computation (a Kubernetes Indexed Job): work items are the
 * Hessian points of all models in config order, numbered globally; item k belongs to shard k mod N,
 * which writes it to {@code DIR/shard-I/<model>/hessians/point-<p>.npy} and, when all its items are
 * done, the marker {@code DIR/shard-I/shard.json}.
 */
public final class HessianShards {
    public static final String MARKER = "shard.json";
    private final Path dir;
    private final int shards;

    public HessianShards(Path dir, int shards) {
        if (shards < 1) {
            throw new GeometryException("--shards must be >= 1, got " + shards);
        }
        this.dir = dir;
        this.shards = shards;
    }

    public Path shardDir(int shard) {
        return dir.resolve("shard-" + shard);
    }

    /** The shard owning point {@code point} of model number {@code model}. */
    public int owner(List<ModelPlan> plans, int model, int point) {
        long k = point;
        for (int m = 0; m < model; m++) {
            k += plans.get(m).spec().stimuli().hessian().points();
        }
        return (int) (k % shards);
    }

    /** The points of model {@code model} that shard {@code shard} computes. */
    public List<Integer> pointsOf(List<ModelPlan> plans, int model, int shard) {
        List<Integer> mine = new ArrayList<>();
        int points = plans.get(model).spec().stimuli().hessian().points();
        for (int p = 0; p < points; p++) {
            if (owner(plans, model, p) == shard) {
                mine.add(p);
            }
        }
        return mine;
    }

    public Path modelDir(int shard, ModelPlan plan) {
        return shardDir(shard).resolve(plan.id());
    }

    public void markDone(int shard, String configSha256) {
        String json =
                String.format(
                        Locale.ROOT,
                        "{\"shard\": %d, \"shards\": %d, \"config_sha256\": \"%s\"}\n",
                        shard,
                        shards,
                        configSha256);
        AtomicFiles.write(shardDir(shard).resolve(MARKER), json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Fails with one line naming the first shard that is missing, unfinished, made for another
     * shard count or config, or lacks a point file.
     */
    public void checkComplete(List<ModelPlan> plans, String configSha256) {
        for (int s = 0; s < shards; s++) {
            Path marker = shardDir(s).resolve(MARKER);
            if (!Files.isRegularFile(marker)) {
                throw new GeometryException(
                        "Hessian shard "
                                + s
                                + " of "
                                + shards
                                + " is missing or unfinished: no "
                                + marker);
            }
            JsonNode node;
            try {
                node = new ObjectMapper().readTree(marker.toFile());
            } catch (IOException e) {
                throw new GeometryException("Hessian shard marker " + marker + " is unreadable");
            }
            if (node.path("shards").asInt() != shards
                    || !configSha256.equals(node.path("config_sha256").asText())) {
                throw new GeometryException(
                        "Hessian shard "
                                + s
                                + " was computed for "
                                + node.path("shards").asInt()
                                + " shards or another study config (--shards "
                                + shards
                                + ", config "
                                + configSha256.substring(0, 12)
                                + ")");
            }
        }
        for (int m = 0; m < plans.size(); m++) {
            ModelPlan plan = plans.get(m);
            for (int p = 0; p < plan.spec().stimuli().hessian().points(); p++) {
                Path file = pointFile(plans, m, p);
                Path modelDir = modelDir(owner(plans, m, p), plan);
                if (!ModelWork.matches(modelDir, plan)) {
                    throw new GeometryException(
                            "Hessian shard folder "
                                    + modelDir
                                    + " was made for another spec of model "
                                    + plan.id());
                }
                if (!Files.isRegularFile(file)) {
                    throw new GeometryException("Hessian shard file missing: " + file);
                }
            }
        }
    }

    public Path pointFile(List<ModelPlan> plans, int model, int point) {
        return ModelWork.pointPath(modelDir(owner(plans, model, point), plans.get(model)), point);
    }
}
