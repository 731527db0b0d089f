package dev.s3aas.common.sigv4;

/**
 * The parts of a SigV4 credential, {@code AKID/yyyymmdd/region/service/aws4_request}.
 */
record CredentialScope(String accessKeyId, String date, String region, String service,
        String terminator) {

    /** The scope string of the string to sign: everything after the access key id. */
    String scope() {
        return date + '/' + region + '/' + service + '/' + terminator;
    }

    /**
     * Splits a credential into its five parts; null when it has another shape. Every part must be non-empty
     * except the region: MinIO accepts an empty region (its admin clients, e.g. MinIO's Java
     * {@code MinioAdminClient}, sign with region "" unless told otherwise), and the region is not checked
     * against the server's anyway.
     */
    static CredentialScope parse(String credential) {
        String[] parts = new String[5];
        int start = 0;
        for (int i = 0; i < 5; i++) {
            int slash = credential.indexOf('/', start);
            boolean last = i == 4;
            if (last != (slash < 0)) {
                return null;
            }
            int end = last ? credential.length() : slash;
            if (end == start && i != 2) {
                return null;
            }
            parts[i] = credential.substring(start, end);
            start = end + 1;
        }
        return new CredentialScope(parts[0], parts[1], parts[2], parts[3], parts[4]);
    }
}
