package dev.s3aas.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes API objects to stdout in the chosen {@link Output}. JSON and YAML print the objects exactly as the API
 * returned them (a list as an array), so scripts see the documented fields; a table shows the most useful
 * columns of a list, or every field of one object as FIELD VALUE lines.
 */
final class Printer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    /** One table column: its header and how to get the cell from an item. */
    record Column(String header, Function<JsonNode, String> value) {
        static Column of(String header, String field) {
            return new Column(header, n -> cell(n.get(field)));
        }
    }

    private final Output format;
    private final PrintStream out;

    Printer(Output format, PrintStream out) {
        this.format = format;
        this.out = out;
    }

    Output format() {
        return format;
    }

    void list(List<JsonNode> items, List<Column> columns) {
        switch (format) {
            case TABLE -> {
                List<String[]> rows = new ArrayList<>();
                rows.add(columns.stream().map(Column::header).toArray(String[]::new));
                for (JsonNode item : items) {
                    rows.add(columns.stream().map(c -> c.value().apply(item)).toArray(String[]::new));
                }
                table(rows);
            }
            case JSON, YAML -> raw(JSON.createArrayNode().addAll(items));
        }
    }

    void object(JsonNode n) {
        switch (format) {
            case TABLE -> {
                List<String[]> rows = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    rows.add(new String[] {e.getKey(), cell(e.getValue())});
                }
                table(rows);
            }
            case JSON, YAML -> raw(n);
        }
    }

    private void raw(JsonNode n) {
        try {
            out.print(format == Output.YAML ? YAML.writeValueAsString(n) : JSON.writeValueAsString(n) + "\n");
            out.flush();
        } catch (JsonProcessingException e) {
            throw new CliError.Local("cannot render the response: " + e.getMessage());
        }
    }

    private void table(List<String[]> rows) {
        int cols = rows.isEmpty() ? 0 : rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                line.append(r[i]);
                if (i < cols - 1) {
                    line.append(" ".repeat(width[i] - r[i].length() + 2));
                }
            }
            out.println(line);
        }
        out.flush();
    }

    /** A scalar as text; null as "-"; an object or array as compact JSON. */
    static String cell(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "-";
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
