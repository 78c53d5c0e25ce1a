package org.confluentcollective.server.database;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns stored records into znode bytes (compact JSON) and back. Node and group records are
 * written and read with the streaming API: they are the bulk of every large change and of
 * the initial load, and reflection-based binding was the largest cost of a bulk write.
 */
public final class RecordCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final JsonFactory factory = mapper.getFactory();

    public byte[] encode(Object record) {
        try {
            if (record instanceof NodeRecord node) {
                return write(node.groups(), node.attributes());
            }
            if (record instanceof GroupRecord group) {
                return write(null, group.attributes());
            }
            return mapper.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T decode(byte[] data, Class<T> type) {
        try {
            if (type == NodeRecord.class || type == GroupRecord.class) {
                List<String> groups = new ArrayList<>();
                Map<String, StoredValue> attributes = new HashMap<>();
                read(data, groups, attributes);
                Object record = type == NodeRecord.class ? new NodeRecord(groups, attributes) : new GroupRecord(attributes);
                return type.cast(record);
            }
            return mapper.readValue(data, type);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("corrupt " + type.getSimpleName() + " znode",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private byte[] write(List<String> groups, Map<String, StoredValue> attributes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 48 * attributes.size());
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            if (groups != null) {
                json.writeArrayFieldStart("groups");
                for (String group : groups) {
                    json.writeString(group);
                }
                json.writeEndArray();
            }
            json.writeObjectFieldStart("attributes");
            for (Map.Entry<String, StoredValue> entry : attributes.entrySet()) {
                StoredValue value = entry.getValue();
                json.writeObjectFieldStart(entry.getKey());
                writeIfSet(json, "value", value.value());
                writeIfSet(json, "expression", value.expression());
                writeIfSet(json, "cryptvalue", value.cryptvalue());
                writeIfSet(json, "hashvalue", value.hashvalue());
                writeIfSet(json, "grubhashvalue", value.grubhashvalue());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void writeIfSet(JsonGenerator json, String field, String text) throws IOException {
        if (text != null) {
            json.writeStringField(field, text);
        }
    }

    private void read(byte[] data, List<String> groups, Map<String, StoredValue> attributes) throws IOException {
        try (JsonParser json = factory.createParser(data)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken token = json.nextToken();
                if (field.equals("groups") && token == JsonToken.START_ARRAY) {
                    while (json.nextToken() == JsonToken.VALUE_STRING) {
                        groups.add(json.getText());
                    }
                } else if (field.equals("attributes") && token == JsonToken.START_OBJECT) {
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String name = json.currentName();
                        expect(json.nextToken(), JsonToken.START_OBJECT);
                        attributes.put(name, readValue(json));
                    }
                } else {
                    json.skipChildren();
                }
            }
        }
    }

    private static StoredValue readValue(JsonParser json) throws IOException {
        String value = null;
        String expression = null;
        String cryptvalue = null;
        String hashvalue = null;
        String grubhashvalue = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            String text = json.currentToken() == JsonToken.VALUE_NULL ? null : json.getValueAsString();
            switch (field) {
                case "value" -> value = text;
                case "expression" -> expression = text;
                case "cryptvalue" -> cryptvalue = text;
                case "hashvalue" -> hashvalue = text;
                case "grubhashvalue" -> grubhashvalue = text;
                default -> json.skipChildren();
            }
        }
        return new StoredValue(value, expression, cryptvalue, hashvalue, grubhashvalue);
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual);
        }
    }
}
