package org.eigenstudy.backend.statistics.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eigenstudy.backend.statistics.tidy.TidyData;

/**
 * Writes the zip: {@code responses.csv}, {@code codebook.md}, {@code settings.json}, {@code
 * analysis.R}. Entries carry a fixed time stamp, so the same responses give the same bytes.
 */
public final class ReproducibilityBundle {

    public static final List<String> FILES =
            List.of("responses.csv", "codebook.md", "settings.json", "analysis.R");

    /** 1980-01-01, the zip format's earliest date: the bundle's bytes depend on its data only. */
    private static final long FIXED_TIME = 315_532_800_000L;

    private ReproducibilityBundle() {}

    public static byte[] zip(TidyData data, String study, int version) {
        BundleSettings settings =
                new BundleSettings(
                        study,
                        version,
                        data.maxFailedCatchTrials(),
                        data.participantsTotal(),
                        data.participantsExcluded(),
                        data.rows().size(),
                        TidyData.CLASS_LEVELS,
                        BundleSettings.MODELS,
                        0.95,
                        "holm (over the three class pairs of one measure)",
                        "Satterthwaite (lmerTest) for lmer; asymptotic z for glmer",
                        "R >= 4.2 with lme4, lmerTest, emmeans");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, FILES.get(0), TidyCsv.write(data.rows()));
            put(zip, FILES.get(1), codebook());
            put(
                    zip,
                    FILES.get(2),
                    new ObjectMapper()
                                    .enable(SerializationFeature.INDENT_OUTPUT)
                                    .writeValueAsString(settings)
                            + "\n");
            put(zip, FILES.get(3), analysisScript());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** The codebook in Markdown, from the same column definitions as the CSV. */
    public static String codebook() {
        StringBuilder md = new StringBuilder();
        md.append("# Codebook: responses.csv\n\n")
                .append("One row per answered trial (catch trials and excluded participants left")
                .append(" out; see settings.json). Empty cells are missing values (NA).\n\n")
                .append("| Column | Type | Meaning |\n|---|---|---|\n");
        for (TidyColumn c : TidyColumn.values()) {
            md.append("| `")
                    .append(c.header())
                    .append("` | ")
                    .append(c.type())
                    .append(" | ")
                    .append(c.meaning())
                    .append(" |\n");
        }
        md.append("\nMagnitude, shared count and consistency are follow-up questions asked only")
                .append(" after the participant saw a change, so they are NA where change_seen is")
                .append(" 0: the models of those measures describe seen changes only (analysis.R")
                .append(" also refits magnitude and shared_count with an unseen change scored 0,")
                .append(" the platform's sensitivity analysis).\n\n")
                .append("Run `Rscript analysis.R` in this folder to refit the models with lme4;")
                .append(" it prints each model and writes `r-results.csv` (measure, quantity,")
                .append(" term, value).\n");
        return md.toString();
    }

    /** The R script, a resource beside this class. */
    public static String analysisScript() {
        try (InputStream in = ReproducibilityBundle.class.getResourceAsStream("analysis.R")) {
            if (in == null) {
                throw new IllegalStateException("analysis.R is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
