package dev.s3aas.node.iam;

/** An IAM change the caller asked for and that was refused; nothing was changed. */
public final class IamException extends Exception {
    private final IamError error;

    public IamException(IamError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public IamError error() {
        return error;
    }
}
