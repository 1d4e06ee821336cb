package org.eigenstudy.studyconfig.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The manifest fields added after its first version, which a manifest written before them lacks: an
 * axis's {@code label}, a model's {@code matched_image_distance} and a strip's {@code
 * latent_steps}. Reading is strict (every other missing field fails), so these are filled with null
 * where absent before binding, and such manifests read as they always did.
 */
final class OptionalFields {

    private OptionalFields() {}

    /** {@code manifest} with each absent optional field set to null, in place. */
    static JsonNode filled(JsonNode manifest) {
        for (JsonNode model : manifest.path("models")) {
            fill(model, "matched_image_distance");
            for (JsonNode axis : model.path("axes")) {
                fill(axis, "label");
                for (JsonNode strip : axis.path("strips")) {
                    fill(strip, "latent_steps");
                }
            }
        }
        return manifest;
    }

    private static void fill(JsonNode node, String field) {
        if (node instanceof ObjectNode object && !object.has(field)) {
            object.putNull(field);
        }
    }
}
