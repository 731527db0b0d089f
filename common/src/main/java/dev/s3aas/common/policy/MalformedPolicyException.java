package dev.s3aas.common.policy;

/**
 * A policy document that cannot be accepted. The message names the element and says what is wrong,
 * e.g. {@code Statement[1].Effect must be "Allow" or "Deny"}; statement indexes count from 0. The control
 * plane returns the message to the user as is (AWS returns {@code MalformedPolicy} with a similar text).
 */
public final class MalformedPolicyException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedPolicyException(String message) {
        super(message);
    }
}
