package dev.s3aas.node.storage;

import java.util.List;

/**
 * A page of listing results: objects and common prefixes, each in key order. {@code lastEntry} is the key
 * or common prefix returned last (the greatest), where the next page resumes when {@code truncated}.
 */
public record ListPage(List<ObjectInfo> objects, List<String> commonPrefixes, boolean truncated, String lastEntry) {
    public ListPage {
        objects = List.copyOf(objects);
        commonPrefixes = List.copyOf(commonPrefixes);
    }
}
