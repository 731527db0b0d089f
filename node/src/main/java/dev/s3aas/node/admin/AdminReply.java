package dev.s3aas.node.admin;

/**
 * What an admin operation answers: a status and a JSON body (or none). A {@code sensitive} body (one MinIO's
 * server encrypts, e.g. list-users) is encrypted with the caller's secret on the MinIO paths.
 */
record AdminReply(int status, byte[] body, boolean sensitive) {
    private static final byte[] NONE = new byte[0];

    static AdminReply ok() {
        return new AdminReply(200, NONE, false);
    }

    static AdminReply json(Object value) {
        return new AdminReply(200, AdminJson.write(value), false);
    }

    static AdminReply rawJson(String json) {
        return new AdminReply(200, json.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
    }

    static AdminReply sensitiveJson(Object value) {
        return new AdminReply(200, AdminJson.write(value), true);
    }
}
