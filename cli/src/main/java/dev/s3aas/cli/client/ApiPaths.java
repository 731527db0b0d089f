package dev.s3aas.cli.client;

import static dev.s3aas.cli.client.ApiClient.encode;

/** The REST API's paths (see the route table, {@code GET /v1/openapi.json}); names are percent-encoded. */
final class ApiPaths {
    static final String INSTANCES = "/v1/types/s3/instances";
    static final String AUDIT = "/v1/audit";

    private ApiPaths() {
    }

    static String instance(String instance) {
        return INSTANCES + "/" + encode(instance);
    }

    /** A collection inside an instance: buckets, users, policies. */
    static String in(String instance, String collection) {
        return instance(instance) + "/" + collection;
    }

    static String in(String instance, String collection, String name) {
        return in(instance, collection) + "/" + encode(name);
    }

    static String attachments(String instance, String user) {
        return in(instance, "users", user) + "/policies";
    }

    static String keys(String instance, String user) {
        return in(instance, "users", user) + "/access-keys";
    }
}
