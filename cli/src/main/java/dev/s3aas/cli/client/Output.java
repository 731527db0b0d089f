package dev.s3aas.cli.client;

import java.util.Iterator;
import java.util.List;

/** {@code --output}: an aligned table for people, JSON or YAML (the API's objects, unchanged) for programs. */
enum Output {
    TABLE, JSON, YAML;

    /** Completion candidates, as users type them (the option is case-insensitive). */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("table", "json", "yaml").iterator();
        }
    }
}
