package org.eigenstudy.studyconfig;

import static org.eigenstudy.studyconfig.RuleCases.doc;
import static org.eigenstudy.studyconfig.RuleCases.model;
import static org.eigenstudy.studyconfig.RuleCases.rest;
import static org.eigenstudy.studyconfig.RuleCases.stimuli;
import static org.eigenstudy.studyconfig.RuleCases.study;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One failing example per validation rule. The expected location is found in the YAML text itself
 * (the line holding a marker, the column of the value), independently of the parser's marks.
 */
class StudyConfigRulesTest {
    static final String SLUG_RULE =
            "a string matching ^[a-z0-9][a-z0-9-]{1,62}$"
                    + " (2 to 63 lower-case letters, digits or '-', not starting with '-')";
    static final String BASE = doc("", "", "", "");

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyOneLocatedProblem(
            String rule, String yaml, int line, int column, String field, String message) {
        StudyConfigException error =
                assertThrows(
                        StudyConfigException.class,
                        () -> StudyConfigParser.parse(yaml, RuleCases.SOURCE));
        assertEquals(
                List.of(new Problem(RuleCases.SOURCE, line, column, field, message)),
                error.problems(),
                rule + " in:\n" + yaml);
    }

    static Stream<Object[]> cases() {
        return Stream.of(
                // study
                at(
                        "slug pattern",
                        BASE.replace("slug: rules", "slug: Bad_Slug"),
                        "Bad_Slug",
                        "study.slug",
                        "must be " + SLUG_RULE + ", got \"Bad_Slug\""),
                at(
                        "slug required",
                        BASE.replace("  slug: rules\n", ""),
                        "title:",
                        "study.slug",
                        "required field is missing"),
                at(
                        "title must be text",
                        BASE.replace("title: \"Rule test\"", "title: 42"),
                        "42",
                        "study.title",
                        "must be a non-empty string of at most 200 characters, got 42 (put it in quotes to make it text)"),
                at(
                        "title not blank",
                        BASE.replace("title: \"Rule test\"", "title: \"\""),
                        "\"\"",
                        "study.title",
                        "must be a non-empty string of at most 200 characters, got \"\""),
                at(
                        "title at most 200 characters",
                        BASE.replace("title: \"Rule test\"", "title: " + "t".repeat(201)),
                        "ttt",
                        "study.title",
                        "must be a non-empty string of at most 200 characters, got \""
                                + "t".repeat(57)
                                + "...\""),
                near(
                        "version at least 1",
                        study("version: 0"),
                        "version: 0",
                        "0",
                        "study.version",
                        "must be an integer >= 1, got 0"),
                at(
                        "version is an integer",
                        study("version: one"),
                        "one",
                        "study.version",
                        "must be an integer >= 1, got \"one\""),
                at(
                        "description is text",
                        study("description: [a]"),
                        "[a]",
                        "study.description",
                        "must be a string of at most 4000 characters, got a list"),
                at(
                        "instructions are text",
                        study("instructions: {a: 1}"),
                        "{a: 1}",
                        "study.instructions",
                        "must be a string, got a mapping"),
                at(
                        "study unknown key",
                        study("titel: x"),
                        "titel",
                        "study.titel",
                        "unknown key (did you mean 'title'?); allowed keys: slug, title, version, description, instructions, consent, debrief, retention_days"),
                at(
                        "retention range",
                        study("retention_days: 3651"),
                        "3651",
                        "study.retention_days",
                        "must be an integer between 0 and 3650, got 3651"),
                at(
                        "study required",
                        BASE.substring(BASE.indexOf("models:")),
                        "models:",
                        "study",
                        "required section is missing"),
                at(
                        "study is a mapping",
                        "study: 5\n" + BASE.substring(BASE.indexOf("models:")),
                        "5",
                        "study",
                        "must be a mapping, got 5"),
                // models
                at(
                        "models required",
                        BASE.substring(0, BASE.indexOf("models:")),
                        "study:",
                        "models",
                        "required section is missing"),
                at(
                        "models not empty",
                        BASE.substring(0, BASE.indexOf("models:")) + "models: []\n",
                        "[]",
                        "models",
                        "must list between 1 and 20 models, got 0"),
                at(
                        "models at most 20",
                        BASE.substring(0, BASE.indexOf("models:")) + "models:\n" + manyModels(21),
                        "- id: m0",
                        "models",
                        "must list between 1 and 20 models, got 21"),
                at(
                        "models is a list",
                        BASE.substring(0, BASE.indexOf("models:")) + "models: {id: m1}\n",
                        "{id",
                        "models",
                        "must be a list, got a mapping"),
                at(
                        "model is a mapping",
                        BASE.substring(0, BASE.indexOf("models:")) + "models:\n  - just-a-name\n",
                        "just-a-name",
                        "models[0]",
                        "must be a mapping (one model), got \"just-a-name\""),
                near(
                        "model id required",
                        BASE.replace("- id: m1\n    card:", "- card:"),
                        "- card:",
                        "card",
                        "models[0].id",
                        "required field is missing"),
                at(
                        "model id is a slug",
                        BASE.replace("id: m1", "id: M 1"),
                        "M 1",
                        "models[0].id",
                        "must be " + SLUG_RULE + ", got \"M 1\""),
                new Object[] {
                    "model ids unique",
                    twoModels("m1", "m1"),
                    9,
                    9,
                    "models[1].id",
                    "duplicate model id 'm1' (also models[0])"
                },
                near(
                        "card required",
                        BASE.replace("    card: cards/m1.json\n", ""),
                        "id: m1",
                        "id",
                        "models[0].card",
                        "required field is missing"),
                at(
                        "card not blank",
                        BASE.replace("card: cards/m1.json", "card: \"  \""),
                        "\"  \"",
                        "models[0].card",
                        "must be a non-empty string, got \"  \""),
                near(
                        "space required",
                        BASE.replace("    space: z\n", ""),
                        "id: m1",
                        "id",
                        "models[0].space",
                        "required field is missing"),
                at(
                        "label is text",
                        model("label: [x]"),
                        "[x]",
                        "models[0].label",
                        "must be null or a string, got a list"),
                near(
                        "stimuli required",
                        BASE.substring(0, BASE.indexOf("    stimuli:")),
                        "id: m1",
                        "id",
                        "models[0].stimuli",
                        "required section is missing"),
                at(
                        "model unknown key",
                        model("cards: x"),
                        "cards: x",
                        "models[0].cards",
                        "unknown key (did you mean 'card'?); allowed keys: id, card, space, label, stimuli"),
                // stimuli
                near(
                        "hessian points range",
                        stimuli("hessian: {points: 0}"),
                        "points: 0",
                        "0",
                        "models[0].stimuli.hessian.points",
                        "must be an integer between 1 and 1000, got 0"),
                at(
                        "hessian codes are a .npy file",
                        stimuli("hessian: {codes: codes.csv}"),
                        "codes.csv",
                        "models[0].stimuli.hessian.codes",
                        "must be null or a string matching ^\\S.*\\.npy$ (a path of a .npy file, relative to this file), got \"codes.csv\""),
                at(
                        "hessian method values",
                        stimuli("hessian: {method: exakt}"),
                        "exakt",
                        "models[0].stimuli.hessian.method",
                        "must be one of exact, fd-jacobian, lanczos, got \"exakt\" (did you mean exact?)"),
                at(
                        "hessian distance values",
                        stimuli("hessian: {distance: ssim}"),
                        "ssim",
                        "models[0].stimuli.hessian.distance",
                        "must be one of mse, lpips, got \"ssim\""),
                near(
                        "hessian epsilon range",
                        stimuli("hessian: {epsilon: 0}"),
                        "epsilon: 0",
                        "0",
                        "models[0].stimuli.hessian.epsilon",
                        "must be null or a number in (0, 1], got 0"),
                at(
                        "hessian epsilon at most 1",
                        stimuli("hessian: {epsilon: 1.5}"),
                        "1.5",
                        "models[0].stimuli.hessian.epsilon",
                        "must be null or a number in (0, 1], got 1.5"),
                at(
                        "lpips needs a feature map",
                        stimuli("hessian: {distance: lpips}"),
                        "lpips",
                        "models[0].stimuli.hessian.feature_map",
                        "is required when distance is lpips: the feature-map-card.json of an"
                                + " exported LPIPS network, relative to this file"),
                at(
                        "feature map only with lpips",
                        stimuli("hessian: {feature_map: f.json}"),
                        "f.json",
                        "models[0].stimuli.hessian.feature_map",
                        "is only used with distance lpips; remove it or set distance: lpips"),
                at(
                        "hessian equalize boolean",
                        stimuli("hessian: {equalize: maybe}"),
                        "maybe",
                        "models[0].stimuli.hessian.equalize",
                        "must be true or false, got \"maybe\""),
                near(
                        "hessian resize range",
                        stimuli("hessian: {resize: 8}"),
                        "resize: 8",
                        "8",
                        "models[0].stimuli.hessian.resize",
                        "must be null or an integer between 16 and 4096, got 8"),
                at(
                        "hessian unknown key",
                        stimuli("hessian: {point: 3}"),
                        "point:",
                        "models[0].stimuli.hessian.point",
                        "unknown key (did you mean 'points'?); allowed keys: points, method, distance, feature_map, epsilon, equalize, resize, codes"),
                at(
                        "hessian is a mapping",
                        stimuli("hessian: exact"),
                        "exact",
                        "models[0].stimuli.hessian",
                        "must be a mapping, got \"exact\""),
                at(
                        "axes top range",
                        stimuli("axes: {top: -1}"),
                        "-1",
                        "models[0].stimuli.axes.top",
                        "must be an integer between 0 and 512, got -1"),
                at(
                        "axes orthogonal range",
                        stimuli("axes: {orthogonal: 513}"),
                        "513",
                        "models[0].stimuli.axes.orthogonal",
                        "must be an integer between 0 and 512, got 513"),
                at(
                        "axes orthogonal_exclude_top range",
                        stimuli("axes: {orthogonal_exclude_top: 5000}"),
                        "5000",
                        "models[0].stimuli.axes.orthogonal_exclude_top",
                        "must be an integer between 0 and 4096, got 5000"),
                at(
                        "axes bottom is an integer",
                        stimuli("axes: {bottom: ten}"),
                        "ten",
                        "models[0].stimuli.axes.bottom",
                        "must be an integer between 0 and 512, got \"ten\""),
                at(
                        "axes camelCase key",
                        stimuli("axes: {orthogonalExcludeTop: 3}"),
                        "orthogonalExcludeTop",
                        "models[0].stimuli.axes.orthogonalExcludeTop",
                        "unknown key (did you mean 'orthogonal_exclude_top'?); allowed keys: top, orthogonal, orthogonal_exclude_top, bottom, ganspace, sefa, random, imported"),
                at(
                        "axis class in design needs axes",
                        stimuli("axes: {bottom: 0}"),
                        "0}",
                        "models[0].stimuli.axes.bottom",
                        "is 0, but design.axis_classes shows bottom axes; give at least 1 or drop the class from the design"),
                near(
                        "references range",
                        stimuli("references: 13"),
                        "references: 13",
                        "13",
                        "models[0].stimuli.references",
                        "must be an integer between 1 and 12, got 13"),
                near(
                        "truncation range",
                        stimuli("reference_prior: {truncation: 0}"),
                        "truncation: 0",
                        "0}",
                        "models[0].stimuli.reference_prior.truncation",
                        "must be null or a number in (0, 10], got 0"),
                near(
                        "frames odd",
                        stimuli("frames: 8"),
                        "frames: 8",
                        "8",
                        "models[0].stimuli.frames",
                        "must be an odd integer between 3 and 31, got 8"),
                near(
                        "frames at most 31",
                        stimuli("frames: 33"),
                        "frames: 33",
                        "33",
                        "models[0].stimuli.frames",
                        "must be an odd integer between 3 and 31, got 33"),
                near(
                        "frames not null",
                        stimuli("frames: null"),
                        "frames: null",
                        "null",
                        "models[0].stimuli.frames",
                        "must be an odd integer between 3 and 31, got null"),
                at(
                        "exploration values",
                        stimuli("exploration: curved"),
                        "curved",
                        "models[0].stimuli.exploration",
                        "must be null or one of linear, spherical, got \"curved\""),
                near(
                        "distance required",
                        BASE.replace("distance: 2.5", "frames: 7"),
                        "frames: 7",
                        "frames",
                        "models[0].stimuli.distance",
                        "required field is missing"),
                near(
                        "distance positive",
                        BASE.replace("distance: 2.5", "distance: 0"),
                        "distance: 0",
                        "0",
                        "models[0].stimuli.distance",
                        "must be a number > 0, got 0"),
                at(
                        "distance finite",
                        BASE.replace("distance: 2.5", "distance: .inf"),
                        ".inf",
                        "models[0].stimuli.distance",
                        "must be a number > 0, got .inf"),
                at(
                        "distance is a number",
                        BASE.replace("distance: 2.5", "distance: far"),
                        "far",
                        "models[0].stimuli.distance",
                        "must be a number > 0, got \"far\""),
                near(
                        "imported axes need their file",
                        stimuli("axes: {imported: 2}\ndirections: {ganspace_samples: 100}"),
                        "directions:",
                        "{",
                        "models[0].stimuli.directions.imported",
                        "is required when axes.imported is 2: the .npy or .csv file of your"
                                + " directions, relative to this file"),
                at(
                        "directions file type",
                        stimuli("directions: {imported: dirs.txt}"),
                        "dirs.txt",
                        "models[0].stimuli.directions.imported",
                        "must be null or a string matching ^\\S.*\\.(npy|csv)$ (a path of a .npy or"
                                + " .csv file, relative to this file), got \"dirs.txt\""),
                at(
                        "layer range ordered",
                        stimuli("directions: {layers: [4, 4]}"),
                        "[4, 4]",
                        "models[0].stimuli.directions.layers",
                        "must be [start, end], two integers with 0 <= start < end (0-based synthesis"
                                + " layers, end exclusive), got [4, 4]"),
                at(
                        "layer range non-negative",
                        stimuli("directions: {layers: [-1, 3]}"),
                        "[-1, 3]",
                        "models[0].stimuli.directions.layers",
                        "must be [start, end], two integers with 0 <= start < end (0-based synthesis"
                                + " layers, end exclusive), got [-1, 3]"),
                at(
                        "layer range is two integers",
                        stimuli("directions: {layers: [0, 2.5, 4]}"),
                        "[0, 2.5, 4]",
                        "models[0].stimuli.directions.layers",
                        "must be [start, end], two integers with 0 <= start < end (0-based synthesis"
                                + " layers, end exclusive), got [0, 2.5, 4]"),
                near(
                        "matched steps need linear exploration",
                        stimuli("exploration: spherical\nmatched_steps: {image_distance: 0.1}"),
                        "matched_steps:",
                        "{",
                        "models[0].stimuli.matched_steps",
                        "needs linear exploration: matched steps search a latent distance along a"
                                + " straight line"),
                at(
                        "matched image distance positive",
                        stimuli("matched_steps: {image_distance: 0}"),
                        "0}",
                        "models[0].stimuli.matched_steps.image_distance",
                        "must be a number > 0, got 0"),
                at(
                        "spherical distance is an angle",
                        BASE.replace("distance: 2.5", "distance: 4.0")
                                + "      exploration: spherical\n",
                        "4.0",
                        "models[0].stimuli.distance",
                        "with spherical exploration the distance is an angle in radians and must be <= pi, got 4.0"),
                near(
                        "image size range",
                        stimuli("image: {size: 8}"),
                        "size: 8",
                        "8",
                        "models[0].stimuli.image.size",
                        "must be null or an integer between 16 and 4096, got 8"),
                at(
                        "image format values",
                        stimuli("image: {format: gif}"),
                        "gif",
                        "models[0].stimuli.image.format",
                        "must be one of png, webp, got \"gif\""),
                at(
                        "seed not negative",
                        stimuli("seed: -1"),
                        "-1",
                        "models[0].stimuli.seed",
                        "must be an integer >= 0, got -1"),
                at(
                        "stimuli unknown key",
                        stimuli("frame: 7"),
                        "frame:",
                        "models[0].stimuli.frame",
                        "unknown key (did you mean 'frames'?); allowed keys: hessian, axes, directions, references, reference_prior, frames, exploration, distance, matched_steps, image, seed"),
                // design
                near(
                        "trials range",
                        rest("design: {trials_per_participant: 0}"),
                        "trials_per_participant: 0",
                        "0",
                        "design.trials_per_participant",
                        "must be an integer between 1 and 500, got 0"),
                at(
                        "axis classes not empty",
                        rest("design: {axis_classes: []}"),
                        "[]",
                        "design.axis_classes",
                        "must list at least one of top, orthogonal, bottom, ganspace, sefa, random, imported"),
                at(
                        "axis class values",
                        rest("design: {axis_classes: [top, sideways]}"),
                        "sideways",
                        "design.axis_classes[1]",
                        "must be one of top, orthogonal, bottom, ganspace, sefa, random, imported, got \"sideways\""),
                near(
                        "axis classes unique",
                        rest("design: {axis_classes: [top, top]}"),
                        "[top, top]",
                        "top]",
                        "design.axis_classes[1]",
                        "lists top more than once"),
                at(
                        "axis classes is a list",
                        rest("design: {axis_classes: top}"),
                        "top}",
                        "design.axis_classes",
                        "must be a list, got \"top\""),
                at(
                        "ordering values",
                        rest("design: {ordering: sorted}"),
                        "sorted",
                        "design.ordering",
                        "must be one of random, blocked, got \"sorted\""),
                at(
                        "presentation values",
                        rest("design: {presentation: video}"),
                        "video",
                        "design.presentation",
                        "must be one of strip, animation, got \"video\""),
                at(
                        "catch trials range",
                        rest("design: {catch_trials: 51}"),
                        "51",
                        "design.catch_trials",
                        "must be an integer between 0 and 50, got 51"),
                near(
                        "practice trial boolean",
                        rest("design: {practice_trial: 1}"),
                        "practice_trial: 1",
                        "1",
                        "design.practice_trial",
                        "must be true or false, got 1"),
                at(
                        "allow repeat boolean",
                        rest("design: {allow_repeat: sometimes}"),
                        "sometimes",
                        "design.allow_repeat",
                        "must be true or false, got \"sometimes\""),
                near(
                        "session timeout range",
                        rest("design: {session_timeout_minutes: 4}"),
                        "session_timeout_minutes: 4",
                        "4",
                        "design.session_timeout_minutes",
                        "must be an integer between 5 and 1440, got 4"),
                near(
                        "participant cap range",
                        rest("design: {max_participants: 0}"),
                        "max_participants: 0",
                        "0",
                        "design.max_participants",
                        "must be null or an integer between 1 and 1000000, got 0"),
                near(
                        "failed catch trials at most catch trials",
                        rest(
                                "design:\n  catch_trials: 1\n  exclusion: {max_failed_catch_trials: 2}"),
                        "max_failed_catch_trials: 2",
                        "2",
                        "design.exclusion.max_failed_catch_trials",
                        "must be at most design.catch_trials (1), got 2"),
                at(
                        "failed catch trials range",
                        rest("design:\n  exclusion: {max_failed_catch_trials: 51}"),
                        "51",
                        "design.exclusion.max_failed_catch_trials",
                        "must be an integer between 0 and 50, got 51"),
                at(
                        "design unknown key",
                        rest("design: {catch_trails: 1}"),
                        "catch_trails",
                        "design.catch_trails",
                        "unknown key (did you mean 'catch_trials'?); allowed keys: trials_per_participant, axis_classes, ordering, presentation, catch_trials, practice_trial, allow_repeat, session_timeout_minutes, max_participants, exclusion"),
                at(
                        "design is a mapping",
                        rest("design: [1]"),
                        "[1]",
                        "design",
                        "must be a mapping, got a list"),
                // recruitment
                at(
                        "completion code pattern",
                        rest("recruitment: {completion_code: ab}"),
                        "ab}",
                        "recruitment.completion_code",
                        "must be null or a string matching ^[A-Za-z0-9_-]{4,64}$ (4 to 64 letters, digits, '_' or '-'), got \"ab\""),
                at(
                        "prolific URL",
                        rest("recruitment: {prolific_completion_url: \"ftp://x\"}"),
                        "\"ftp",
                        "recruitment.prolific_completion_url",
                        "must be null or a string matching ^https?://[^\\s]+$ (an absolute http(s) URL), got \"ftp://x\""),
                near(
                        "compensation is text",
                        rest("recruitment: {compensation: 5}"),
                        "compensation: 5",
                        "5",
                        "recruitment.compensation",
                        "must be a string of at most 200 characters, got 5 (put it in quotes to make it text)"),
                near(
                        "compensation at most 200 characters",
                        rest("recruitment: {compensation: " + "c".repeat(201) + "}"),
                        "compensation:",
                        "ccc",
                        "recruitment.compensation",
                        "must be a string of at most 200 characters, got \""
                                + "c".repeat(57)
                                + "...\""),
                near(
                        "description at most 4000 characters",
                        study("description: " + "d".repeat(4001)),
                        "description:",
                        "ddd",
                        "study.description",
                        "must be a string of at most 4000 characters, got \""
                                + "d".repeat(57)
                                + "...\""),
                at(
                        "recruitment unknown key",
                        rest("recruitment: {completion: X}"),
                        "completion:",
                        "recruitment.completion",
                        "unknown key (did you mean 'completion_code'?); allowed keys: completion_code, prolific_completion_url, compensation"),
                // structure
                at(
                        "root unknown key",
                        rest("desing: {}"),
                        "desing",
                        "desing",
                        "unknown key (did you mean 'design'?); allowed keys: study, models, design, recruitment"),
                new Object[] {
                    "duplicate keys",
                    stimuli("frames: 7\nframes: 9"),
                    11,
                    7,
                    "models[0].stimuli.frames",
                    "duplicate key (first given at line 10, column 7)"
                },
                at(
                        "keys are names",
                        stimuli("3: x"),
                        "3: x",
                        "models[0].stimuli",
                        "keys must be plain names, got 3"),
                new Object[] {
                    "empty file",
                    "",
                    1,
                    1,
                    "(root)",
                    "file is empty; expected the sections study and models"
                },
                new Object[] {
                    "comments only",
                    "# nothing yet\n",
                    1,
                    1,
                    "(root)",
                    "file is empty; expected the sections study and models"
                },
                new Object[] {
                    "root is a mapping",
                    "- study\n- models\n",
                    1,
                    1,
                    "(root)",
                    "must be a mapping with the sections study, models, design, recruitment, got a list"
                },
                new Object[] {
                    "no tabs",
                    "study:\n  slug: rules\n\ttitle: x\n",
                    3,
                    1,
                    "(syntax)",
                    "YAML syntax error: while scanning for the next token, found character '\\t(TAB)'"
                            + " that cannot start any token. (Do not use \\t(TAB) for indentation)"
                },
                new Object[] {
                    "indentation",
                    "study:\n  slug: rules\n   title: x\n",
                    3,
                    9,
                    "(syntax)",
                    "YAML syntax error: mapping values are not allowed here"
                },
                new Object[] {
                    "one document",
                    BASE + "---\n" + BASE,
                    10,
                    1,
                    "(syntax)",
                    "YAML syntax error: expected a single document in the stream, but found another document"
                });
    }

    /** The problem is at the first occurrence of {@code marker}. */
    static Object[] at(String rule, String yaml, String marker, String field, String message) {
        return near(rule, yaml, marker, marker, field, message);
    }

    /**
     * The problem is on the line holding {@code lineMarker}, at {@code valueMarker} in that line.
     */
    static Object[] near(
            String rule,
            String yaml,
            String lineMarker,
            String valueMarker,
            String field,
            String message) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int start = lines[i].indexOf(lineMarker);
            if (start >= 0) {
                int column = lines[i].indexOf(valueMarker, start) + 1;
                assertTrue(column > 0, rule + ": value marker not on the marker's line");
                return new Object[] {rule, yaml, i + 1, column, field, message};
            }
        }
        throw new AssertionError(rule + ": marker '" + lineMarker + "' not in\n" + yaml);
    }

    private static String manyModels(int count) {
        StringBuilder models = new StringBuilder();
        for (int i = 0; i < count; i++) {
            models.append("  - id: m").append(i).append('\n');
            models.append("    card: c.json\n    space: z\n    stimuli: {distance: 1}\n");
        }
        return models.toString();
    }

    private static String twoModels(String first, String second) {
        return """
                study:
                  slug: rules
                  title: "Rule test"
                models:
                  - id: %s
                    card: a.json
                    space: z
                    stimuli: {distance: 1}
                  - id: %s
                    card: b.json
                    space: z
                    stimuli: {distance: 1}
                """
                .formatted(first, second);
    }
}
