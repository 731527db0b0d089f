package dev.s3aas.cli.client;

/** What a successful DELETE prints: a line for people; nothing for json/yaml (the API answers 204, no body). */
final class Deleted {
    private Deleted() {
    }

    static void report(ClientOptions o, String what, String name) {
        if (o.output == Output.TABLE) {
            o.cli().out().println(what + " " + name + " deleted");
        }
    }
}
