package dev.s3aas.common.policy;

/** A statement's Effect (IAM JSON policy elements: Effect). The value is case-sensitive. */
enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    final String jsonName;

    Effect(String jsonName) {
        this.jsonName = jsonName;
    }
}
