package dev.s3aas.node.s3;

import dev.s3aas.common.sigv4.AuthResult;
import dev.s3aas.common.sigv4.PostPolicySignature;
import dev.s3aas.common.sigv4.SigV4Exception;
import dev.s3aas.node.auth.CredentialStore;
import dev.s3aas.node.auth.Identity;
import dev.s3aas.node.storage.ObjectInfo;
import dev.s3aas.node.storage.ObjectMetadata;
import dev.s3aas.node.storage.ObjectStore;
import dev.s3aas.node.storage.PutObjectInput;
import dev.s3aas.node.storage.StorageException;
import dev.s3aas.node.storage.WriteCondition;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * POST /bucket with a {@code multipart/form-data} body — a browser-based upload (S3 "POST Object"). The form's
 * policy is checked against the fields and signed with the uploader's key (SigV4 or SigV2 form fields), so
 * authentication and authorization happen here, once the fields are read and before any file byte is stored.
 * A form without a signature is an anonymous upload, allowed only by a bucket policy.
 */
record PostObject(ObjectStore store, CredentialStore credentials, AccessControl access, Clock clock) implements Operation {
    private static final int MAX_FIELD = 20 * 1024;
    private static final int MAX_FIELDS = 64;

    @Override
    public void handle(S3Exchange ex) throws S3Exception, StorageException, IOException {
        store.bucket(ex.bucket());
        MultipartForm form = new MultipartForm(ex.body(), MultipartForm.boundary(ex.header("Content-Type")));
        Map<String, String> fields = new LinkedHashMap<>();
        MultipartForm.Part file = readFields(form, fields);
        authenticate(ex, fields);
        String key = fields.getOrDefault("key", "").replace("${filename}", file.filename() == null ? "" : file.filename());
        ObjectKey.parse(key);
        fields.put("key", key);
        fields.put("bucket", ex.bucket());
        if (fields.containsKey("policy")) {
            PostPolicy policy = PostPolicy.parse(fields.get("policy"));
            policy.check(fields, clock.instant());
            ObjectInfo info = store(ex, fields, key, new LengthRange(file.body(), policy.minLength(), policy.maxLength()));
            respond(ex, fields, key, info);
        } else {
            ObjectInfo info = store(ex, fields, key, file.body());
            respond(ex, fields, key, info);
        }
    }

    private static MultipartForm.Part readFields(MultipartForm form, Map<String, String> fields)
            throws IOException, S3Exception {
        for (MultipartForm.Part p = form.next(); p != null; p = form.next()) {
            if (p.name().equalsIgnoreCase("file")) {
                return p;
            }
            byte[] v = p.body().readNBytes(MAX_FIELD + 1);
            if (v.length > MAX_FIELD || fields.size() >= MAX_FIELDS) {
                throw new S3Exception(S3ErrorCode.MaxMessageLengthExceeded);
            }
            fields.put(p.name().toLowerCase(Locale.ROOT), new String(v, StandardCharsets.UTF_8));
        }
        throw new S3Exception(S3ErrorCode.InvalidArgument, "POST requires exactly one file upload per request.");
    }

    /** The form's signature decides who uploads; no signature means an anonymous upload. */
    private void authenticate(S3Exchange ex, Map<String, String> f) throws S3Exception {
        String policy = f.get("policy");
        try {
            String accessKey = null;
            if (f.containsKey("x-amz-signature")) {
                accessKey = PostPolicySignature.verifyV4(credentials::secretFor, f.get("x-amz-credential"),
                        f.get("x-amz-date"), nonNull(policy), f.get("x-amz-signature"));
            } else if (f.containsKey("signature")) {
                accessKey = PostPolicySignature.verifyV2(credentials::secretFor, nonNull(f.get("awsaccesskeyid")),
                        nonNull(policy), f.get("signature"));
            }
            Identity who = accessKey == null ? Identity.ANONYMOUS : credentials.identify(accessKey);
            ex.authenticated(AuthResult.Anonymous.PLAIN, who);
        } catch (SigV4Exception e) {
            throw new S3Exception(ErrorMapper.map(e.error()), e.getMessage());
        }
    }

    private static String nonNull(String v) throws S3Exception {
        if (v == null) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "A signed POST upload needs its policy and key fields.");
        }
        return v;
    }

    private ObjectInfo store(S3Exchange ex, Map<String, String> f, String key, InputStream body)
            throws S3Exception, StorageException, IOException {
        access.authorizeObject(ex, S3Operation.POST_OBJECT, "s3:PutObject", ex.bucket(), key);
        Map<String, String> user = new LinkedHashMap<>();
        f.forEach((k, v) -> {
            if (k.startsWith("x-amz-meta-") && k.length() > 11) {
                user.put(k.substring(11), v);
            }
        });
        // Same validation as PutObject's headers (metadata size, storage class); form field names are lower case.
        ObjectMetadata m = ObjectHeaders.metadata(name -> f.get(name.toLowerCase(java.util.Locale.ROOT)), user,
                java.util.Map.of(), null);
        if (f.get("acl") != null) {
            // The form's canned ACL (the POST policy may require it): applied, or refused as on PutObject.
            dev.s3aas.node.storage.AccessControlList acl = Acls.canned(f.get("acl").trim());
            Acls.checkSettable(store.bucket(ex.bucket()).config(), acl);
            m = m.withAcl(acl);
        }
        String sse = f.get("x-amz-server-side-encryption");
        if (sse != null && !sse.equals(ServerSideEncryption.AES256)) {
            throw new S3Exception(S3ErrorCode.NotImplemented, "Only AES256 (SSE-S3) is supported.");
        }
        try {
            return store.putObject(new PutObjectInput(ex.bucket(), key, -1, m, null, null, null, WriteCondition.NONE,
                    sse == null ? null : dev.s3aas.node.storage.SseRequest.SSE_S3, null), body);
        } catch (MultipartForm.MalformedBody e) {
            throw new S3Exception(S3ErrorCode.MalformedPOSTRequest, e.getMessage());
        } catch (LengthRange.OutOfRange e) {
            throw new S3Exception(e.tooLarge ? S3ErrorCode.EntityTooLarge : S3ErrorCode.EntityTooSmall,
                    "Your proposed upload is outside the policy's content-length-range.");
        }
    }

    /** success_action_redirect (303 with bucket, key, etag), else success_action_status 200/201/204 (default). */
    private static void respond(S3Exchange ex, Map<String, String> f, String key, ObjectInfo info) {
        ex.setHeader("ETag", ObjectHeaders.quote(info.etag()));
        ObjectHeaders.setVersionId(ex, info.versionId());
        // S3 answers the object's absolute URL; this server speaks plain HTTP on the Host the client used.
        String location = "http://" + ex.header("Host") + "/" + ex.bucket() + "/" + ListingParams.urlEncode(key);
        ex.setHeader("Location", location);
        String redirect = f.get("success_action_redirect");
        if (redirect != null && redirect.startsWith("http")) {
            String sep = URI.create(redirect).getQuery() == null ? "?" : "&";
            ex.setHeader("Location", redirect + sep + "bucket=" + enc(ex.bucket()) + "&key=" + enc(key)
                    + "&etag=" + enc(ObjectHeaders.quote(info.etag())));
            ex.sendEmpty(303);
            return;
        }
        switch (f.getOrDefault("success_action_status", "204")) {
            case "200" -> ex.sendEmpty(200);
            case "201" -> ex.sendXml(201, Xml.document("PostResponse").element("Location", location)
                    .element("Bucket", ex.bucket()).element("Key", key).element("ETag", ObjectHeaders.quote(info.etag())));
            default -> ex.sendEmpty(204);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Enforces content-length-range while the file streams: too much stops at once, too little at EOF. */
    static final class LengthRange extends FilterInputStream {
        private final long min;
        private final long max;
        private long seen;

        static final class OutOfRange extends IOException {
            final boolean tooLarge;

            OutOfRange(boolean tooLarge) {
                super(tooLarge ? "upload larger than allowed" : "upload smaller than required");
                this.tooLarge = tooLarge;
            }
        }

        LengthRange(InputStream in, long min, long max) {
            super(in);
            this.min = min;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n < 0) {
                if (seen < min) {
                    throw new OutOfRange(false);
                }
                return n;
            }
            seen += n;
            if (seen > max) {
                throw new OutOfRange(true);
            }
            return n;
        }
    }
}
