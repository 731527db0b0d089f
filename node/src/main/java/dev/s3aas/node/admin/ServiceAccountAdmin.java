package dev.s3aas.node.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.s3aas.node.iam.IamException;
import dev.s3aas.node.iam.IamStore;
import dev.s3aas.node.iam.IamUser;
import dev.s3aas.node.iam.ServiceAccount;
import dev.s3aas.node.iam.UserStatus;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Service accounts (MinIO's extra keys of a user): add, update, list, info, delete. Every body and answer is
 * encrypted on the MinIO path. Root's own service accounts are not supported: {@code targetUser} is required.
 */
final class ServiceAccountAdmin {
    /** MinIO's date format for expirations (its Java client's {@code Time.EXPIRATION_DATE_FORMAT}). */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ServiceAccountAdmin() {}

    /** {@code madmin.AddServiceAccountReq}; {@code policy} is a JSON document (object). */
    record AddRequest(@JsonProperty("accessKey") String accessKey, @JsonProperty("secretKey") String secretKey,
                      @JsonProperty("targetUser") String targetUser, @JsonProperty("policy") JsonNode policy,
                      @JsonProperty("name") String name, @JsonProperty("description") String description,
                      @JsonProperty("expiration") String expiration) {}

    record CredentialsJson(@JsonProperty("accessKey") String accessKey, @JsonProperty("secretKey") String secretKey,
                           @JsonProperty("expiration") String expiration) {}

    record AddResponse(@JsonProperty("credentials") CredentialsJson credentials) {}

    /** {@code madmin.UpdateServiceAccountReq}. */
    record UpdateRequest(@JsonProperty("newSecretKey") String secretKey, @JsonProperty("newPolicy") JsonNode policy,
                         @JsonProperty("newStatus") String status, @JsonProperty("newName") String name,
                         @JsonProperty("newDescription") String description,
                         @JsonProperty("newExpiration") String expiration) {}

    /** One entry of list-service-accounts and the answer of info-service-account. */
    record AccountJson(@JsonProperty("accessKey") String accessKey, @JsonProperty("parentUser") String parentUser,
                       @JsonProperty("accountStatus") String accountStatus,
                       @JsonProperty("impliedPolicy") boolean impliedPolicy, @JsonProperty("policy") String policy,
                       @JsonProperty("name") String name, @JsonProperty("description") String description,
                       @JsonProperty("expiration") String expiration) {
        static AccountJson of(IamUser u, boolean withKey) {
            ServiceAccount a = u.serviceAccount();
            return new AccountJson(withKey ? u.accessKey() : null, a.parent(), u.enabled() ? "on" : "off",
                    a.sessionPolicy() == null, a.sessionPolicy() == null ? null : a.sessionPolicy().json(), a.name(),
                    a.description(), a.expiration() == null ? null : DATE.format(a.expiration()));
        }
    }

    record ListResponse(@JsonProperty("accounts") List<AccountJson> accounts) {}

    /** PUT add-service-account — answers the (possibly generated) credentials. */
    record Add(IamStore iam) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException, IOException {
            AddRequest req = call.json(AddRequest.class);
            if (req.targetUser() == null || req.targetUser().isEmpty()) {
                throw new AdminException(AdminError.XMinioAdminInvalidArgument,
                        "targetUser is required: service accounts of the root credentials are not supported.");
            }
            try {
                IamUser u = iam.addServiceAccount(new IamStore.NewServiceAccount(req.targetUser(), req.accessKey(),
                        req.secretKey(), json(req.policy()), req.name(), req.description(), date(req.expiration())));
                Instant exp = u.serviceAccount().expiration();
                return AdminReply.sensitiveJson(new AddResponse(new CredentialsJson(u.accessKey(), u.secretKey(),
                        exp == null ? null : DATE.format(exp))));
            } catch (IamException e) {
                throw IamErrors.map(e);
            }
        }
    }

    /** POST update-service-account?accessKey=… — absent fields are kept; an empty policy restores the implied one. */
    record Update(IamStore iam) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException, IOException {
            String accessKey = call.param("accessKey");
            UpdateRequest req = call.json(UpdateRequest.class);
            UserStatus status = null;
            if (req.status() != null && !req.status().isEmpty()) {
                status = UserStatus.fromWire(req.status());
                if (status == null) {
                    throw new AdminException(AdminError.XMinioAdminInvalidArgument,
                            "newStatus must be 'on' or 'off', not '" + req.status() + "'.");
                }
            }
            try {
                iam.updateServiceAccount(accessKey, new IamStore.ServiceAccountUpdate(
                        req.secretKey() == null || req.secretKey().isEmpty() ? null : req.secretKey(),
                        json(req.policy()), status, req.name(), req.description(), date(req.expiration())));
            } catch (IamException e) {
                throw IamErrors.map(e);
            }
            return AdminReply.ok();
        }
    }

    /** GET list-service-accounts?user=… */
    record ListAccounts(IamStore iam) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException {
            String user = call.param("user");
            if (iam.user(user).isEmpty()) {
                throw new AdminException(AdminError.XMinioAdminNoSuchUser, "The specified user does not exist: " + user);
            }
            return AdminReply.sensitiveJson(new ListResponse(iam.serviceAccounts(user).stream()
                    .map(u -> AccountJson.of(u, true)).toList()));
        }
    }

    /** GET info-service-account?accessKey=… */
    record Info(IamStore iam) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException {
            String accessKey = call.param("accessKey");
            IamUser u = iam.serviceAccount(accessKey).orElseThrow(() -> new AdminException(
                    AdminError.XMinioAdminServiceAccountNotFound,
                    "The specified service account does not exist: " + accessKey));
            return AdminReply.sensitiveJson(AccountJson.of(u, false));
        }
    }

    /** DELETE delete-service-account?accessKey=… */
    record Delete(IamStore iam) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException, IOException {
            try {
                iam.removeServiceAccount(call.param("accessKey"));
            } catch (IamException e) {
                throw IamErrors.map(e);
            }
            return AdminReply.ok();
        }
    }

    /** A policy sent as a JSON object (MinIO clients) or as a string holding one; null/empty → null/"". */
    private static String json(JsonNode policy) {
        if (policy == null || policy.isNull()) {
            return null;
        }
        return policy.isTextual() ? policy.asText() : policy.toString();
    }

    private static Instant date(String s) throws AdminException {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new AdminException(AdminError.XMinioAdminInvalidArgument, "Invalid expiration date: " + s);
        }
    }
}
