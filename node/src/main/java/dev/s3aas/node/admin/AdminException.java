package dev.s3aas.node.admin;

/** An admin request refused; answered once, as a JSON error, by {@link AdminHandler}. */
final class AdminException extends Exception {
    private final AdminError error;

    AdminException(AdminError error) {
        this(error, error.defaultMessage);
    }

    AdminException(AdminError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    AdminError error() {
        return error;
    }
}
