package dev.s3aas.cli.client;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Request bodies hold only the fields the user gave: an absent option is an absent field, never null. */
final class Fields {
    private Fields() {
    }

    static ObjectNode object() {
        return ApiClient.JSON.createObjectNode();
    }

    static void put(ObjectNode body, String field, Object value) {
        switch (value) {
            case null -> { }
            case String s -> body.put(field, s);
            case Boolean b -> body.put(field, b);
            case Integer i -> body.put(field, i);
            case Long l -> body.put(field, l);
            default -> throw new IllegalArgumentException("unsupported field type " + value.getClass());
        }
    }

    /** A PATCH with nothing to change is a usage error, not a request. */
    static ObjectNode nonEmpty(ObjectNode body) {
        if (body.isEmpty()) {
            throw new CliError.Usage("nothing to update: name at least one field option (see --help)");
        }
        return body;
    }
}
