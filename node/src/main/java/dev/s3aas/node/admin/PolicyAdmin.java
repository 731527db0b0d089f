package dev.s3aas.node.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.s3aas.node.iam.IamException;
import dev.s3aas.node.iam.IamStore;
import dev.s3aas.node.iam.PolicyInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Policy commands: add/remove/list/info-canned-policy, set-user-or-group-policy and the newer
 * idp/builtin/policy attach and detach. Groups do not exist on a node: group targets answer NotImplemented.
 */
final class PolicyAdmin {
    private PolicyAdmin() {}

    /** PUT add-canned-policy?name=… — body: the policy JSON (plain, also for MinIO clients). */
    record AddCannedPolicy(IamStore iam) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException, IOException {
            String name = call.param("name");
            try {
                iam.putPolicy(name, new String(call.rawBody(), StandardCharsets.UTF_8));
            } catch (IamException e) {
                throw IamErrors.map(e);
            }
            return AdminReply.ok();
        }
    }

    /** DELETE remove-canned-policy?name=… — refused while attached to a user, and for built-in policies. */
    record RemoveCannedPolicy(IamStore iam) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException, IOException {
            try {
                iam.removePolicy(call.param("name"));
            } catch (IamException e) {
                throw IamErrors.map(e);
            }
            return AdminReply.ok();
        }
    }

    /** GET list-canned-policies — name → policy document (as a JSON object), canned ones included. */
    record ListCannedPolicies(IamStore iam) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) {
            Map<String, JsonNode> out = new LinkedHashMap<>();
            for (PolicyInfo p : iam.policies()) {
                out.put(p.name(), AdminJson.tree(p.json()));
            }
            return AdminReply.json(out);
        }
    }

    /** {@code madmin.PolicyInfo}, the v=2 answer of info-canned-policy. */
    record PolicyInfoJson(@JsonProperty("PolicyName") String name, @JsonProperty("Policy") JsonNode policy,
                          @JsonProperty("CreateDate") String created, @JsonProperty("UpdateDate") String updated) {}

    /** GET info-canned-policy?name=…[&v=2] — the document, or with v=2 the document and its dates. */
    record InfoCannedPolicy(IamStore iam) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException {
            String name = call.param("name");
            PolicyInfo p = iam.policy(name).orElseThrow(() -> new AdminException(AdminError.XMinioAdminNoSuchPolicy,
                    "The canned policy does not exist: " + name));
            if ("2".equals(call.optional("v"))) {
                return AdminReply.json(new PolicyInfoJson(p.name(), AdminJson.tree(p.json()), date(p.created()),
                        date(p.updated())));
            }
            return AdminReply.rawJson(p.json());
        }

        private static String date(Instant t) {
            return t == null ? null : t.toString();
        }
    }

    /**
     * PUT set-user-or-group-policy?userOrGroup=…&isGroup=false&policyName=a,b — replaces the user's policies;
     * an empty policyName detaches all (MinIO semantics).
     */
    record SetUserOrGroupPolicy(IamStore iam) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException, IOException {
            String user = call.param("userOrGroup");
            if ("true".equalsIgnoreCase(call.optional("isGroup"))) {
                throw new AdminException(AdminError.NotImplemented, "Groups are not supported by this server.");
            }
            String names = call.optional("policyName");
            try {
                iam.setPolicies(user, names == null ? List.of() : UserAdmin.names(names));
            } catch (IamException e) {
                throw IamErrors.map(e);
            }
            return AdminReply.ok();
        }
    }

    /** {@code madmin.PolicyAssociationReq}. */
    record AssociationRequest(@JsonProperty("policies") List<String> policies, @JsonProperty("user") String user,
                              @JsonProperty("group") String group) {}

    /** {@code madmin.PolicyAssociationResp}. */
    record AssociationResponse(@JsonProperty("policiesAttached") List<String> attached,
                               @JsonProperty("policiesDetached") List<String> detached,
                               @JsonProperty("updatedAt") String updatedAt) {}

    /**
     * POST idp/builtin/policy/attach and …/detach — encrypted request and answer on the MinIO path. Changing
     * nothing is an error (XMinioAdminPolicyChangeAlreadyApplied), as in MinIO.
     */
    record Associate(IamStore iam, boolean attach) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException, IOException {
            AssociationRequest req = call.json(AssociationRequest.class);
            if (req.group() != null && !req.group().isEmpty()) {
                throw new AdminException(AdminError.NotImplemented, "Groups are not supported by this server.");
            }
            if (req.user() == null || req.user().isEmpty() || req.policies() == null || req.policies().isEmpty()) {
                throw new AdminException(AdminError.XMinioAdminInvalidArgument,
                        "Both 'user' and a non-empty 'policies' list are required.");
            }
            try {
                List<String> changed = attach ? iam.attach(req.user(), req.policies())
                        : iam.detach(req.user(), req.policies());
                String now = Instant.now().toString();
                return AdminReply.sensitiveJson(attach ? new AssociationResponse(changed, null, now)
                        : new AssociationResponse(null, changed, now));
            } catch (IamException e) {
                throw IamErrors.map(e);
            }
        }
    }
}
