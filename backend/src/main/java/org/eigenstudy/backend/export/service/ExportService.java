package org.eigenstudy.backend.export.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.export.store.ExportStore;
import org.eigenstudy.backend.study.service.Study;
import org.eigenstudy.backend.study.service.StudyService;

/** A study's data downloads: which exports exist and how each one's rows are written. */
@ApplicationScoped
public class ExportService {

    @Inject ExportStore store;
    @Inject StudyService studies;

    /** The file formats of the exports. */
    public enum Format {
        CSV,
        JSON
    }

    /** Every export, by the file name it is asked for. */
    enum Export {
        RESPONSES_CSV("responses.csv", ExportStore.Table.RESPONSES, Format.CSV),
        RESPONSES_JSON("responses.json", ExportStore.Table.RESPONSES, Format.JSON),
        PARTICIPANTS_CSV("participants.csv", ExportStore.Table.PARTICIPANTS, Format.CSV),
        STIMULI_CSV("stimuli.csv", ExportStore.Table.STIMULI, Format.CSV);

        final String name;
        final ExportStore.Table table;
        final Format format;

        Export(String name, ExportStore.Table table, Format format) {
            this.name = name;
            this.table = table;
            this.format = format;
        }
    }

    /** Writes a download's bytes; called once the response has started. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A download: its file name ({@code slug-vN-name}), format and streamed body. */
    public record Download(String fileName, Format format, Body body) {}

    /** The export {@code name} of a study; not found for an unknown study or export. */
    public Download download(long studyId, String name) {
        Study study = studies.require(studyId);
        Export export =
                Arrays.stream(Export.values())
                        .filter(e -> e.name.equals(name))
                        .findFirst()
                        .orElseThrow(() -> DomainException.notFound("export '" + name + "'"));
        return new Download(
                study.stem() + "-" + name, export.format, out -> write(export, studyId, out));
    }

    private void write(Export export, long studyId, OutputStream out) throws IOException {
        if (export.format == Format.JSON) {
            try (JsonRows json = new JsonRows(out)) {
                store.stream(export.table, studyId, json);
            }
            return;
        }
        BufferedWriter writer =
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65536);
        try (CsvRows csv = new CsvRows(writer)) {
            store.stream(export.table, studyId, csv);
        }
    }
}
