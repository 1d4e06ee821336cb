package org.eigenstudy.studyconfig.sheets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;

/**
 * JSON has no NaN: a non-finite number is written as {@code null} and {@code null} is read back as
 * NaN. Put on the record components themselves, so any ObjectMapper (geometry-core's writer, the
 * backend's Quarkus mapper) gives the same JSON.
 */
public final class NanAsNull {
    private NanAsNull() {}

    /** Writes NaN and infinities as null. */
    public static final class Writer extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator out, SerializerProvider provider)
                throws IOException {
            if (Double.isFinite(value)) {
                out.writeNumber(value);
            } else {
                out.writeNull();
            }
        }
    }

    /** Reads a number, and null as NaN. */
    public static final class Reader extends JsonDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser in, DeserializationContext context)
                throws IOException {
            if (!in.currentToken().isNumeric()) {
                return (Double) context.handleUnexpectedToken(Double.class, in);
            }
            return in.getDoubleValue();
        }

        @Override
        public Double getNullValue(DeserializationContext context) {
            return Double.NaN;
        }
    }
}
