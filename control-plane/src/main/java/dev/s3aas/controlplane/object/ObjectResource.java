package dev.s3aas.controlplane.object;

import dev.s3aas.controlplane.api.ApiRequest;
import dev.s3aas.controlplane.api.ApiResponse;
import dev.s3aas.controlplane.api.FieldSpec;
import dev.s3aas.controlplane.api.FieldSpec.Type;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.api.ResourceSchema;
import dev.s3aas.controlplane.api.Route;
import dev.s3aas.controlplane.api.Route.QueryParam;
import dev.s3aas.controlplane.api.Route.Shape;
import dev.s3aas.controlplane.api.StreamedBody;
import dev.s3aas.controlplane.iam.Permission;
import dev.s3aas.controlplane.instance.InstanceResource;
import dev.s3aas.controlplane.node.BucketUsage;
import dev.s3aas.controlplane.node.NodeException;
import dev.s3aas.controlplane.node.ObjectClient.DeleteResult;
import dev.s3aas.controlplane.node.ObjectClient.ObjectData;
import dev.s3aas.controlplane.node.ObjectClient.ObjectHead;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP for the object browser, {@code /v1/types/s3/instances/{instance}/buckets/{bucket}/objects[/versions]} and
 * {@code …/object?key=}: a streaming proxy to the instance's data plane; and {@code …/{bucket}/usage}, the other
 * read that goes to the data plane rather than the database (so it is a route of its own, and the bucket list
 * stays a database read).
 *
 * <p>Why a proxy through the control plane rather than presigned URLs from the browser to the node: it is the
 * same for both engines, needs no CORS rules written into users' buckets, keeps node credentials inside the
 * control plane, and goes through the API's own authentication, roles and audit trail. The key is a query
 * parameter because keys contain {@code /}, {@code ..} and {@code %2F}, which a path segment would not carry
 * intact. Bodies are streamed both ways ({@link Route#rawBody()}, {@link StreamedBody}): an object never sits
 * whole in the control plane's memory or on its disk.
 */
public final class ObjectResource {
    static final ResourceSchema LISTING = new ResourceSchema("object_listing", List.of(
            FieldSpec.readOnly("items", Type.OBJECT_LIST, "Objects: {key, size, etag, last_modified, storage_class}"),
            FieldSpec.readOnly("prefixes", Type.STRING_LIST, "Common prefixes (folders) up to the delimiter"),
            FieldSpec.readOnly("next_page_token", Type.STRING, "page_token of the next page; null on the last")));
    static final ResourceSchema VERSIONS = new ResourceSchema("object_versions", List.of(
            FieldSpec.readOnly("items", Type.OBJECT_LIST,
                    "Versions and delete markers: {key, version_id, is_latest, delete_marker, size, etag, last_modified}"),
            FieldSpec.readOnly("prefixes", Type.STRING_LIST, "Common prefixes, when a delimiter was given"),
            FieldSpec.readOnly("next_page_token", Type.STRING, "page_token of the next page; null on the last")));
    static final ResourceSchema UPLOADED = new ResourceSchema("object_upload", List.of(
            FieldSpec.readOnly("key", Type.STRING, "The object key"),
            FieldSpec.readOnly("etag", Type.STRING, "ETag, without quotes"),
            FieldSpec.readOnly("version_id", Type.STRING, "Version id; null when the bucket is not versioned"),
            FieldSpec.readOnly("size", Type.INTEGER, "Bytes stored")));

    static final ResourceSchema USAGE = new ResourceSchema("bucket_usage", List.of(
            FieldSpec.readOnly("bucket", Type.STRING, "The bucket's S3 name"),
            FieldSpec.readOnly("objects", Type.INTEGER, "Objects stored (every version counts, as the quota counts)"),
            FieldSpec.readOnly("bytes", Type.INTEGER, "Their bytes")));

    private static final QueryParam KEY = QueryParam.string("key", true, "Object key, 1-1024 bytes of UTF-8");
    private static final QueryParam VERSION = QueryParam.string("version_id", false, "A version; default the current");
    private static final QueryParam PREFIX = QueryParam.string("prefix", false, "Only keys starting with it");
    private static final QueryParam DELIMITER = QueryParam.string("delimiter", false,
            "Roll keys up to the next delimiter into prefixes (usually /)");
    private static final QueryParam TOKEN = QueryParam.string("page_token", false, "next_page_token of the previous page");
    private static final QueryParam LIMIT = QueryParam.integer("limit", "Entries per page, 1-1000, default 100");

    private final ObjectService service;

    public ObjectResource(ObjectService service) {
        this.service = service;
    }

    public List<Route> routes() {
        String base = InstanceResource.BASE + "/{instance}/buckets/{bucket}";
        String read = Permission.OBJECT_READ.externalName();
        String write = Permission.OBJECT_WRITE.externalName();
        return List.of(
                new Route("GET", base + "/usage", "A bucket's objects and bytes, as its engine counts them now "
                        + "(the embedded node's counters, RGW's bucket stats)", Permission.BUCKET_READ.externalName(),
                        Shape.OBJECT, null, USAGE, true, r -> {
                            BucketUsage u = node(() -> service.usage(r.principal(), r.param("instance"),
                                    r.param("bucket")), r, null);
                            return ApiResponse.ok(Map.of("bucket", r.param("bucket"), "objects", u.objects(),
                                    "bytes", u.bytes()));
                        }),
                new Route("GET", base + "/objects", "List objects (ListObjectsV2)", read, Shape.OBJECT, null, LISTING,
                        true, r -> ApiResponse.ok(node(() -> service.list(r.principal(), r.param("instance"),
                                r.param("bucket"), r.query("prefix"), r.query("delimiter"), r.query("page_token"),
                                PageRequest.from(r).limit()), r, null)))
                        .withQuery(PREFIX, DELIMITER, TOKEN, LIMIT),
                new Route("GET", base + "/objects/versions", "List object versions (ListObjectVersions)", read,
                        Shape.OBJECT, null, VERSIONS, true, r -> ApiResponse.ok(node(() -> service.versions(
                                r.principal(), r.param("instance"), r.param("bucket"), r.query("prefix"),
                                r.query("delimiter"), r.query("page_token"), PageRequest.from(r).limit()), r, null)))
                        .withQuery(PREFIX, DELIMITER, TOKEN, LIMIT),
                new Route("PUT", base + "/object", "Upload an object (the body is its bytes, streamed)", write,
                        Shape.CREATE, null, UPLOADED, true, r -> {
                            ObjectKey key = key(r);
                            return ApiResponse.created(node(() -> service.put(r.principal(), r.param("instance"),
                                    r.param("bucket"), key, r.raw()), r, key));
                        }).withQuery(KEY).withRawBody(),
                new Route("GET", base + "/object", "Download an object (its bytes, streamed)", read, Shape.BYTES,
                        null, null, true, this::download).withQuery(KEY, VERSION),
                new Route("HEAD", base + "/object", "An object's download headers", read, Shape.BYTES, null, null,
                        true, r -> {
                            ObjectKey key = key(r);
                            ObjectHead head = node(() -> service.head(r.principal(), r.param("instance"),
                                    r.param("bucket"), key, r.query("version_id")), r, key);
                            return new ApiResponse(200, null, headers(head, key));
                        }).withQuery(KEY, VERSION),
                new Route("DELETE", base + "/object", "Delete an object or one version (a delete marker when "
                        + "versioning is on and no version is given)", write, Shape.NONE, null, null, true, r -> {
                            ObjectKey key = key(r);
                            DeleteResult d = node(() -> service.delete(r.principal(), r.param("instance"),
                                    r.param("bucket"), key, r.query("version_id")), r, key);
                            Map<String, String> h = new LinkedHashMap<>();
                            if (d.versionId() != null) {
                                h.put("X-Version-Id", d.versionId());
                            }
                            if (d.deleteMarker()) {
                                h.put("X-Delete-Marker", "true");
                            }
                            return new ApiResponse(204, null, h);
                        }).withQuery(KEY, VERSION));
    }

    private ApiResponse download(ApiRequest r) {
        ObjectKey key = key(r);
        ObjectData data = node(() -> service.get(r.principal(), r.param("instance"), r.param("bucket"), key,
                r.query("version_id")), r, key);
        return new ApiResponse(200, new NodeStream(data), headers(data.head(), key));
    }

    /** The object's own Content-Type, served as a download that a browser never sniffs or renders in place. */
    private static Map<String, String> headers(ObjectHead head, ObjectKey key) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", head.contentType());
        if (head.contentLength() >= 0) {
            h.put("Content-Length", Long.toString(head.contentLength()));
        }
        if (head.etag() != null) {
            h.put("ETag", head.etag());
        }
        if (head.lastModified() != null) {
            h.put("Last-Modified", head.lastModified());
        }
        if (head.versionId() != null) {
            h.put("X-Version-Id", head.versionId());
        }
        h.put("Content-Disposition", ContentDisposition.attachment(key.fileName()));
        h.put("X-Content-Type-Options", "nosniff");
        return h;
    }

    private static ObjectKey key(ApiRequest r) {
        return new ObjectKey(r.query("key"));
    }

    /** A node's GetObject body, copied to the client as it arrives. */
    private record NodeStream(ObjectData data) implements StreamedBody {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            data.body().transferTo(out);
        }

        @Override
        public void close() {
            data.close();
        }
    }

    @FunctionalInterface
    private interface NodeCall<T> {
        T run() throws NodeException;
    }

    /** Runs a data-plane call, translating its refusal once into the API's error ({@link ObjectErrors}). */
    private static <T> T node(NodeCall<T> call, ApiRequest r, ObjectKey key) {
        try {
            return call.run();
        } catch (NodeException e) {
            throw ObjectErrors.toApi(e, r.param("bucket"), key, r.query("version_id"));
        }
    }
}
