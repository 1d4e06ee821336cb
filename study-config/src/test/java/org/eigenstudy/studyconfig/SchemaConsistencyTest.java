package org.eigenstudy.studyconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eigenstudy.studyconfig.manifest.StimulusManifests;
import org.eigenstudy.studyconfig.sheets.ModelGeometrySummaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON schemas in study-config/schema agree with the Java rules: files the parser accepts are
 * valid, and every rule case the parser rejects is rejected by the schema too, except the rules a
 * schema cannot express (listed in {@link #PARSER_ONLY} and in the schema's description).
 */
class SchemaConsistencyTest {
    static final Path SCHEMAS = Path.of("schema");
    static final YAMLMapper YAML = new YAMLMapper();

    /** Rules the schema cannot state; the study schema's description names them. */
    static final List<String> PARSER_ONLY =
            List.of(
                    "model ids unique",
                    "axis class in design needs axes",
                    "imported axes need their file",
                    "matched steps need linear exploration",
                    "layer range ordered",
                    "failed catch trials at most catch trials",
                    "distance finite",
                    "duplicate keys",
                    "empty file",
                    "comments only",
                    "no tabs",
                    "indentation",
                    "one document");

    static JsonSchema schema(String file) throws IOException {
        JsonNode node = new ObjectMapper().readTree(Files.readString(SCHEMAS.resolve(file)));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
    }

    static Set<ValidationMessage> validateYaml(String yaml) throws IOException {
        return schema("study.schema.json").validate(YAML.readTree(yaml));
    }

    @Test
    void shippedStudyFilesAreValid() throws IOException {
        for (String file : List.of("demo.yaml", "paper-replication.yaml", "methods-demo.yaml")) {
            assertEquals(Set.of(), validateYaml(Files.readString(Path.of(file))), file);
        }
    }

    @Test
    void writtenConfigsWithEveryFieldAreValid() throws Exception {
        for (String yaml :
                List.of(
                        StudyConfigParserTest.FULL,
                        Files.readString(Path.of("demo.yaml")),
                        RuleCases.doc("", "", "", ""))) {
            StudyConfig config = StudyConfigParser.parse(yaml, "x.yaml");
            assertEquals(Set.of(), validateYaml(yaml));
            assertEquals(Set.of(), validateYaml(StudyConfigWriter.toYaml(config)));
        }
    }

    static Stream<Object[]> schemaExpressibleCases() {
        return StudyConfigRulesTest.cases().filter(c -> !PARSER_ONLY.contains((String) c[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaExpressibleCases")
    void schemaRejectsWhatTheParserRejects(String rule, String yaml) throws IOException {
        assertFalse(validateYaml(yaml).isEmpty(), rule + " accepted by the schema:\n" + yaml);
    }

    @Test
    void parserOnlyRulesAreStillRejectedByTheParser() {
        // Guard against the exclusion list naming a case that no longer exists.
        List<String> names = StudyConfigRulesTest.cases().map(c -> (String) c[0]).toList();
        for (String rule : PARSER_ONLY) {
            assertEquals(true, names.contains(rule), rule);
        }
    }

    @Test
    void writtenManifestIsValidAndBrokenOnesAreNot() throws IOException {
        String json =
                StimulusManifests.toJson(
                        org.eigenstudy.studyconfig.manifest.ManifestFixturesAccess.manifest());
        assertAcceptsOnly(
                "manifest.schema.json",
                List.of(json),
                List.of(
                        json.replace("\"class\" : \"top\"", "\"class\" : \"middle\""),
                        json.replace("eigenstudy-manifest/1", "eigenstudy-manifest/2"),
                        json.replaceFirst("\"card_sha256\" : \"c+\"", "\"card_sha256\" : \"C\""),
                        json.replace("demo/top-01/r0-f0.png", "../top-01/r0-f0.png"),
                        json.replace("\"rank\" : 1", "\"rank\" : 0"),
                        json.replaceFirst("\"study\"", "\"extra\" : 1,\n  \"study\"")));
    }

    @Test
    void writtenGeometrySummaryIsValidAndBrokenOnesAreNot() throws IOException {
        String json =
                ModelGeometrySummaries.toJson(
                        org.eigenstudy.studyconfig.sheets.ModelGeometrySummariesTest.summary());
        String onePoint =
                json.substring(0, json.indexOf("\"homogeneity\"")) + "\"homogeneity\":null}";
        assertAcceptsOnly(
                "model-geometry.schema.json",
                List.of(json, onePoint),
                List.of(
                        json.replace("geometry/1", "geometry/2"),
                        json.replace("\"points\" : 3", "\"points\" : 0"),
                        json.replace("\"nan_pairs\" : 0", "\"nan_pairs\" : -1"),
                        json.replace("\"mean\" : 0.75", "\"mean\" : \"high\""),
                        json.replaceFirst("\"model\"", "\"extra\" : 1,\n  \"model\"")));
    }

    /** The schema accepts every one of {@code valid} and rejects every one of {@code broken}. */
    private static void assertAcceptsOnly(String file, List<String> valid, List<String> broken)
            throws IOException {
        JsonSchema schema = schema(file);
        ObjectMapper mapper = new ObjectMapper();
        for (String json : valid) {
            assertEquals(Set.of(), schema.validate(mapper.readTree(json)), json);
        }
        for (String json : broken) {
            assertFalse(schema.validate(mapper.readTree(json)).isEmpty(), json);
        }
    }
}
