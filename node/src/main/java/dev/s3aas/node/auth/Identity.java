package dev.s3aas.node.auth;

/** Who is making a request, once the signature checked out. */
public sealed interface Identity {
    /** The node's root credentials: may do everything. */
    record Root(String accessKeyId) implements Identity {}

    /** An IAM user of this node, identified by its access key. */
    record User(String accessKeyId, String userName) implements Identity {}

    /** No credentials at all: only what bucket policies grant to "*". */
    record Anonymous() implements Identity {}

    Anonymous ANONYMOUS = new Anonymous();
}
