package dev.s3aas.controlplane.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3aas.common.policy.MalformedPolicyException;
import dev.s3aas.common.policy.PolicyValidation;
import dev.s3aas.controlplane.api.ApiError;

/**
 * An IAM identity-based policy document as stored for an instance: compact JSON text, validated on write by
 * the same policy library the nodes evaluate with ({@link dev.s3aas.common.policy.PolicyDocument}, identity
 * mode: no Principal, known actions, well-formed conditions), so a document the API accepts is one the node
 * accepts too. The mode is the S3-only one ({@link PolicyValidation#forS3Identity()}): the node also knows
 * {@code admin:*} and {@code kms:*}, and a tenant must not be able to give its S3 keys node-admin rights.
 */
public record PolicyDocument(String json) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Parses {@code content} (a JSON object, or a string holding one) and validates it. */
    public static PolicyDocument parse(JsonNode content) {
        JsonNode doc = content;
        if (content != null && content.isTextual()) {
            try {
                doc = MAPPER.readTree(content.textValue());
            } catch (JsonProcessingException e) {
                throw invalid("content is not valid JSON: " + e.getOriginalMessage());
            }
        }
        if (doc == null || !doc.isObject()) {
            throw invalid("content must be a JSON policy document object");
        }
        String text = doc.toString();
        try {
            dev.s3aas.common.policy.PolicyDocument.parse(text, PolicyValidation.forS3Identity());
        } catch (MalformedPolicyException e) {
            throw invalid(e.getMessage());
        }
        return new PolicyDocument(text);
    }

    public JsonNode tree() {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy is not JSON", e);
        }
    }

    private static ApiError invalid(String message) {
        return new ApiError.Invalid("invalid_policy", message, "content");
    }
}
