package dev.s3aas.node.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.s3aas.node.iam.IamException;
import dev.s3aas.node.iam.IamStore;
import dev.s3aas.node.iam.IamUser;
import dev.s3aas.node.iam.UserStatus;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** User commands: add-user, remove-user, list-users, user-info, set-user-status. */
final class UserAdmin {
    private UserAdmin() {}

    /**
     * {@code madmin.AddOrUpdateUserReq}; MinIO's Java client sends its {@code UserInfo} instead, with
     * {@code policyName}. Both policy fields are honoured (comma-separated names) so a user can be created
     * with its policies in one call.
     */
    record AddUserRequest(@JsonProperty("secretKey") String secretKey, @JsonProperty("status") String status,
                          @JsonProperty("policy") String policy, @JsonProperty("policyName") String policyName) {}

    /** {@code madmin.UserInfo} without the secret (MinIO never returns it either). */
    record UserInfoJson(@JsonProperty("policyName") String policyName, @JsonProperty("status") String status,
                        @JsonProperty("memberOf") List<String> memberOf, @JsonProperty("updatedAt") String updatedAt) {
        static UserInfoJson of(IamUser u) {
            return new UserInfoJson(u.policies().isEmpty() ? null : String.join(",", u.policies()),
                    u.status().wire(), null, u.updated().toString());
        }
    }

    /** PUT add-user?accessKey=… — creates or updates; the body is encrypted by MinIO clients. */
    record AddUser(IamStore iam) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException, IOException {
            String accessKey = call.param("accessKey");
            AddUserRequest req = call.json(AddUserRequest.class);
            UserStatus status = null;
            if (req.status() != null && !req.status().isEmpty()) {
                status = UserStatus.fromWire(req.status());
                if (status == null) {
                    throw new AdminException(AdminError.XMinioAdminInvalidArgument,
                            "status must be 'enabled' or 'disabled', not '" + req.status() + "'.");
                }
            }
            String policies = req.policy() != null ? req.policy() : req.policyName();
            String secret = req.secretKey() == null || req.secretKey().isEmpty() ? null : req.secretKey();
            try {
                iam.putUser(accessKey, secret, status, policies == null || policies.isBlank() ? null : names(policies));
            } catch (IamException e) {
                throw IamErrors.map(e);
            }
            return AdminReply.ok();
        }
    }

    /** DELETE remove-user?accessKey=… — the key stops working with the next request. */
    record RemoveUser(IamStore iam) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException, IOException {
            try {
                iam.removeUser(call.param("accessKey"));
            } catch (IamException e) {
                throw IamErrors.map(e);
            }
            return AdminReply.ok();
        }
    }

    /** GET list-users — access key → UserInfo; encrypted on the MinIO path, as MinIO does. */
    record ListUsers(IamStore iam) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) {
            Map<String, UserInfoJson> out = new LinkedHashMap<>();
            for (IamUser u : iam.users()) {
                out.put(u.accessKey(), UserInfoJson.of(u));
            }
            return AdminReply.sensitiveJson(out);
        }
    }

    /** GET user-info?accessKey=… — plain JSON. */
    record UserInfo(IamStore iam) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException {
            String accessKey = call.param("accessKey");
            IamUser u = iam.user(accessKey).orElseThrow(() -> new AdminException(AdminError.XMinioAdminNoSuchUser,
                    "The specified user does not exist: " + accessKey));
            return AdminReply.json(UserInfoJson.of(u));
        }
    }

    /** PUT set-user-status?accessKey=…&status=enabled|disabled — takes effect with the next request. */
    record SetUserStatus(IamStore iam) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException, IOException {
            String accessKey = call.param("accessKey");
            String s = call.param("status");
            UserStatus status = UserStatus.fromWire(s);
            if (status == null) {
                throw new AdminException(AdminError.XMinioAdminInvalidArgument,
                        "status must be 'enabled' or 'disabled', not '" + s + "'.");
            }
            try {
                iam.setStatus(accessKey, status);
            } catch (IamException e) {
                throw IamErrors.map(e);
            }
            return AdminReply.ok();
        }
    }

    /** Comma-separated policy names, as MinIO's policyName fields carry them. */
    static List<String> names(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
