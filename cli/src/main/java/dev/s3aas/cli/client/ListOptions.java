package dev.s3aas.cli.client;

import java.util.List;
import picocli.CommandLine.Option;

/** Paging and the name filter of list commands (a picocli mixin). Without {@code --limit}, every page. */
final class ListOptions {
    @Option(names = "--limit", paramLabel = "N", description = "At most N items (default: all, page after page).")
    Integer limit;

    @Option(names = "--marker", paramLabel = "ID", description = "Start after this item (the marker a previous "
            + "--limit listing printed).")
    String marker;

    @Option(names = "--name", description = "Only the item with this name.")
    String name;

    /** Prints the items; when cut short by --limit, says on stderr where to continue. */
    void print(ClientOptions o, ApiClient.Listing listing, List<Printer.Column> columns) {
        o.printer().list(listing.items(), columns);
        if (listing.nextMarker() != null) {
            o.cli().err().println("more: continue with --marker " + listing.nextMarker());
        }
    }
}
