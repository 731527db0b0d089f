package dev.s3aas.node.iam;

import java.security.SecureRandom;

/** The rules for access keys, secrets and policy names, and generated credentials. */
final class IamNames {
    static final int MAX_NAME = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String SECRET_CHARS = KEY_CHARS + "abcdefghijklmnopqrstuvwxyz+";

    private IamNames() {}

    /**
     * Access keys follow MinIO's rules (at least 3 characters, no '=' or ',') plus what SigV4 needs: no '/'
     * (it separates the credential scope), no whitespace or control characters.
     */
    static void checkAccessKey(String ak, String rootAccessKey) throws IamException {
        if (ak == null || ak.length() < 3 || ak.length() > MAX_NAME || !printable(ak, "/=,")) {
            throw new IamException(IamError.INVALID_ARGUMENT, "Access key must be 3 to " + MAX_NAME
                    + " printable characters without whitespace, '/', '=' or ','.");
        }
        if (ak.equals(rootAccessKey)) {
            throw new IamException(IamError.INVALID_ARGUMENT, "The root access key cannot be an IAM user.");
        }
    }

    static void checkSecret(String sk) throws IamException {
        if (sk.length() < 8 || sk.length() > MAX_NAME || !printable(sk, "")) {
            throw new IamException(IamError.INVALID_ARGUMENT,
                    "Secret key must be 8 to " + MAX_NAME + " printable characters without whitespace.");
        }
    }

    static void checkPolicyName(String name) throws IamException {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME || !printable(name, "/,")) {
            throw new IamException(IamError.INVALID_ARGUMENT, "Policy name must be 1 to " + MAX_NAME
                    + " printable characters without whitespace, '/' or ','.");
        }
    }

    /** A new access key as MinIO generates them: 20 upper-case letters and digits. */
    static String newAccessKey() {
        return random(KEY_CHARS, 20);
    }

    /** A new secret key: 40 characters. */
    static String newSecretKey() {
        return random(SECRET_CHARS, 40);
    }

    private static String random(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static boolean printable(String s, String forbidden) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7f || forbidden.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
