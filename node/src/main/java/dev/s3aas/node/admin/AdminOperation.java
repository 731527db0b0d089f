package dev.s3aas.node.admin;

import java.io.IOException;

/** One admin API command. Implementations answer with a reply or throw; errors are written in one place. */
@FunctionalInterface
interface AdminOperation {
    AdminReply handle(AdminCall call) throws AdminException, IOException;
}
