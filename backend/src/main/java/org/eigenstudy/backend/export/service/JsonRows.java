package org.eigenstudy.backend.export.service;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.eigenstudy.backend.export.store.ExportStore;

/** Writes rows as one JSON array of objects keyed by column name, generated as they come. */
final class JsonRows implements ExportStore.RowSink, AutoCloseable {

    /** Leaves the response stream open: it belongs to the HTTP layer, which closes it. */
    private static final JsonFactory JSON =
            JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final JsonGenerator json;
    private List<String> names;

    JsonRows(OutputStream out) throws IOException {
        json = JSON.createGenerator(out, JsonEncoding.UTF8);
    }

    @Override
    public void columns(List<String> names) throws IOException {
        this.names = names;
        json.writeStartArray();
    }

    @Override
    public void row(Object[] values) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < values.length; i++) {
            json.writeFieldName(names.get(i));
            write(values[i]);
        }
        json.writeEndObject();
    }

    private void write(Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer n) {
            json.writeNumber(n);
        } else if (value instanceof Long n) {
            json.writeNumber(n);
        } else if (value instanceof Double n) {
            json.writeNumber(n);
        } else if (value instanceof Number n) {
            json.writeNumber(n.toString());
        } else {
            json.writeString(value.toString());
        }
    }

    @Override
    public void close() throws IOException {
        if (names != null) {
            json.writeEndArray();
        }
        json.close();
    }
}
