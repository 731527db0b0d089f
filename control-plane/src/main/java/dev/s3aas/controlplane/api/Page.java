package dev.s3aas.controlplane.api;

import java.util.List;

/**
 * One page of a list. Lists are returned as plain JSON arrays (as the original API did); the
 * {@code X-Next-Marker} header carries the id to pass as {@code marker} for the next page.
 */
public record Page<T>(List<T> items, String nextMarker) {
    public Page {
        items = List.copyOf(items);
    }
}
