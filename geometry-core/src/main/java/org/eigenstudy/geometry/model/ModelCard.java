package org.eigenstudy.geometry.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eigenstudy.geometry.GeometryException;
import org.eigenstudy.geometry.io.ModelFiles;
import org.eigenstudy.studyconfig.manifest.Sha256;

/**
 * A generator's model card ({@code eigenstudy-model-card/1}, see docs/model-card.md). {@code
 * folder} is where the card lies; module files are resolved against it.
 */
public record ModelCard(
        Path folder,
        String sha256,
        String name,
        String architecture,
        String description,
        int resolution,
        int channels,
        double[] valueRange,
        List<LatentSpace> spaces,
        Map<String, String> fileHashes,
        JsonNode extra) {

    public static final String SCHEMA = "eigenstudy-model-card/1";

    /** Reads and validates a card; every problem is a {@link GeometryException} naming the file. */
    public static ModelCard read(Path card) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(card);
        } catch (NoSuchFileException e) {
            throw new GeometryException("model card not found: " + card);
        } catch (IOException e) {
            throw new GeometryException("cannot read model card " + card + ": " + e.getMessage());
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new GeometryException("model card " + card + " is not valid JSON");
        }
        try {
            return parse(card.toAbsolutePath().getParent(), Sha256.of(bytes), root);
        } catch (GeometryException e) {
            throw new GeometryException("model card " + card + ": " + e.getMessage());
        }
    }

    private static ModelCard parse(Path folder, String sha, JsonNode root) {
        if (!SCHEMA.equals(text(root, "schema"))) {
            throw new GeometryException("schema must be " + SCHEMA);
        }
        JsonNode range = root.path("value_range");
        if (!range.isArray() || range.size() != 2) {
            throw new GeometryException("value_range must be [low, high]");
        }
        List<LatentSpace> spaces = new ArrayList<>();
        for (JsonNode s : root.path("spaces")) {
            spaces.add(space(s));
        }
        if (spaces.isEmpty()) {
            throw new GeometryException("spaces must list at least one latent space");
        }
        Map<String, String> hashes = new HashMap<>();
        root.path("files")
                .fields()
                .forEachRemaining(
                        e -> hashes.put(e.getKey(), e.getValue().path("sha256").asText()));
        return new ModelCard(
                folder,
                sha,
                text(root, "name"),
                root.path("architecture").asText(""),
                root.path("description").asText(""),
                positive(root, "resolution"),
                positive(root, "channels"),
                new double[] {range.get(0).asDouble(), range.get(1).asDouble()},
                List.copyOf(spaces),
                Map.copyOf(hashes),
                root.path("extra"));
    }

    private static LatentSpace space(JsonNode s) {
        Prior prior = Prior.parse(s.path("prior"), "space " + s.path("name").asText());
        String exploration = s.path("exploration").asText("linear");
        if (!exploration.equals("linear") && !exploration.equals("spherical")) {
            throw new GeometryException("exploration must be linear or spherical");
        }
        List<LatentSpace.Component> components = new ArrayList<>();
        for (JsonNode c : s.path("components")) {
            Prior part =
                    c.has("prior")
                            ? Prior.parse(c.get("prior"), "component " + c.path("name").asText())
                            : null;
            components.add(new LatentSpace.Component(text(c, "name"), positive(c, "dim"), part));
        }
        int dim = positive(s, "dim");
        int sum = components.stream().mapToInt(LatentSpace.Component::dim).sum();
        if (prior.kind().equals("components")
                && (components.isEmpty() || components.stream().anyMatch(c -> c.prior() == null))) {
            throw new GeometryException(
                    "space "
                            + text(s, "name")
                            + ": prior components needs a prior on every component");
        }
        if (!components.isEmpty() && sum != dim) {
            throw new GeometryException(
                    "space " + text(s, "name") + ": components add up to " + sum + ", not " + dim);
        }
        return new LatentSpace(
                text(s, "name"),
                dim,
                prior,
                exploration,
                text(s, "module"),
                List.copyOf(components),
                upstreamScale(s),
                optionalText(s, "features"),
                wplus(s),
                jvp(s));
    }

    private static boolean jvp(JsonNode s) {
        JsonNode v = s.get("jvp");
        if (v != null && !v.isBoolean()) {
            throw new GeometryException(
                    "space " + s.path("name").asText() + ": jvp must be true or false");
        }
        return v != null && v.booleanValue();
    }

    private static LatentSpace.WPlus wplus(JsonNode s) {
        JsonNode v = s.get("wplus");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new GeometryException(
                    "space " + s.path("name").asText() + ": wplus must be {module, layers}");
        }
        int layers = positive(v, "layers");
        JsonNode styles = v.get("styles");
        if (styles == null || styles.isNull()) {
            return new LatentSpace.WPlus(text(v, "module"), layers, List.of());
        }
        if (!styles.isArray() || styles.size() != layers) {
            throw new GeometryException(
                    "space "
                            + s.path("name").asText()
                            + ": wplus.styles must list "
                            + layers
                            + " layers' style weights, one list per layer");
        }
        List<List<String>> names = new ArrayList<>();
        for (JsonNode layer : styles) {
            List<String> weights = new ArrayList<>();
            for (JsonNode name : layer) {
                if (!name.isTextual() || name.asText().isBlank()) {
                    throw new GeometryException(
                            "space "
                                    + s.path("name").asText()
                                    + ": wplus.styles entries must be parameter names");
                }
                weights.add(name.asText());
            }
            if (!layer.isArray() || weights.isEmpty()) {
                throw new GeometryException(
                        "space "
                                + s.path("name").asText()
                                + ": every wplus.styles entry must name at least one weight");
            }
            names.add(List.copyOf(weights));
        }
        return new LatentSpace.WPlus(text(v, "module"), layers, List.copyOf(names));
    }

    /** A text field that may be absent or null; present, it must be non-blank text. */
    private static String optionalText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : text(node, field);
    }

    private static Double upstreamScale(JsonNode s) {
        JsonNode v = s.get("upstream_scale");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || !(v.asDouble() > 0)) {
            throw new GeometryException(
                    "space " + s.path("name").asText() + ": upstream_scale must be a number > 0");
        }
        return v.asDouble();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new GeometryException("missing text field '" + field + "'");
        }
        return v.asText();
    }

    private static int positive(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt() || v.asInt() <= 0) {
            throw new GeometryException("field '" + field + "' must be a positive integer");
        }
        return v.asInt();
    }

    /** The named space, or an error listing the card's spaces. */
    public LatentSpace space(String spaceName) {
        return spaces.stream()
                .filter(s -> s.name().equals(spaceName))
                .findFirst()
                .orElseThrow(
                        () ->
                                new GeometryException(
                                        "model "
                                                + name
                                                + " has no latent space '"
                                                + spaceName
                                                + "' (spaces: "
                                                + spaces.stream().map(LatentSpace::name).toList()
                                                + ")"));
    }

    /**
     * The module file of a space, checked to exist and, when the card lists a hash, to match it (a
     * truncated download otherwise surfaces as an obscure libtorch error).
     */
    public Path moduleFile(LatentSpace space) {
        return file(space.module());
    }

    /** A file the card names (a module, an embedding table), checked like a space's module. */
    public Path file(String name) {
        Path file = folder.resolve(name);
        ModelFiles.verify(file, fileHashes.get(name));
        return file;
    }
}
