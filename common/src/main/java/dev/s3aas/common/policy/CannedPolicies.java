package dev.s3aas.common.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * MinIO's built-in policies (MinIO docs, "Access Management", built-in policies), so that users migrating
 * from MinIO find the same names with the same meaning. All are identity policies.
 */
public final class CannedPolicies {

    /** Every S3 action on every bucket and object. */
    public static final String READWRITE = "readwrite";
    /** Read objects (GetObject) and bucket locations; no listing. */
    public static final String READONLY = "readonly";
    /** Write objects (PutObject) only. */
    public static final String WRITEONLY = "writeonly";
    /** MinIO's diagnostics admin actions: trace, profiling, logs, server info, locks, health, metrics. */
    public static final String DIAGNOSTICS = "diagnostics";
    /** Everything: all admin, KMS and S3 actions. */
    public static final String CONSOLE_ADMIN = "consoleAdmin";

    private static final Map<String, PolicyDocument> BY_NAME = new LinkedHashMap<>();

    static {
        define(READWRITE, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*"],\
                "Resource":["arn:aws:s3:::*"]}]}""");
        define(READONLY, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                "Action":["s3:GetBucketLocation","s3:GetObject"],"Resource":["arn:aws:s3:::*"]}]}""");
        define(WRITEONLY, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:PutObject"],\
                "Resource":["arn:aws:s3:::*"]}]}""");
        define(DIAGNOSTICS, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["admin:ServerTrace",\
                "admin:Profiling","admin:ConsoleLog","admin:ServerInfo","admin:TopLocksInfo","admin:OBDInfo",\
                "admin:BandwidthMonitor","admin:Prometheus"],"Resource":["arn:aws:s3:::*"]}]}""");
        define(CONSOLE_ADMIN, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["admin:*"]},\
                {"Effect":"Allow","Action":["kms:*"]},\
                {"Effect":"Allow","Action":["s3:*"],"Resource":["arn:aws:s3:::*"]}]}""");
    }

    private CannedPolicies() {
    }

    private static void define(String name, String json) {
        try {
            BY_NAME.put(name, PolicyDocument.parse(json, PolicyValidation.forIdentity()));
        } catch (MalformedPolicyException e) {
            throw new ExceptionInInitializerError("canned policy " + name + " does not parse: " + e.getMessage());
        }
    }

    /** The canned policy called {@code name} (case-sensitive, as in MinIO). */
    public static Optional<PolicyDocument> get(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** All canned policies by name, in the order listed above. */
    public static Map<String, PolicyDocument> all() {
        return Collections.unmodifiableMap(BY_NAME);
    }

    public static PolicyDocument readwrite() {
        return BY_NAME.get(READWRITE);
    }

    public static PolicyDocument readonly() {
        return BY_NAME.get(READONLY);
    }

    public static PolicyDocument writeonly() {
        return BY_NAME.get(WRITEONLY);
    }

    public static PolicyDocument diagnostics() {
        return BY_NAME.get(DIAGNOSTICS);
    }

    public static PolicyDocument consoleAdmin() {
        return BY_NAME.get(CONSOLE_ADMIN);
    }
}
