package dev.s3aas.controlplane.instance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.ApiRequest;
import dev.s3aas.controlplane.api.ApiResponse;
import dev.s3aas.controlplane.api.FieldSpec;
import dev.s3aas.controlplane.api.FieldSpec.Access;
import dev.s3aas.controlplane.api.FieldSpec.Type;
import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.api.ResourceSchema;
import dev.s3aas.controlplane.api.Route;
import dev.s3aas.controlplane.api.Route.Shape;
import dev.s3aas.controlplane.api.StreamedBody;
import dev.s3aas.controlplane.iam.Permission;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** HTTP for {@code /v1/types/s3/} and {@code /v1/types/s3/instances[/{instance}]}. */
public final class InstanceResource {
    public static final String BASE = "/v1/types/s3/instances";
    public static final ResourceSchema SCHEMA = ResourceSchema.standard("instance",
            FieldSpec.required("name", Type.STRING, Access.READ_WRITE, "Unique per project"),
            FieldSpec.rw("description", Type.STRING, "Free text"),
            FieldSpec.createOnly("version", Type.STRING, "Version name (e.g. 0.0.1) or uuid; default: the newest"),
            FieldSpec.createOnly("cluster", Type.STRING, "Name or uuid of a registered cluster to run on (an RGW tenant "
                    + "of its own); absent: the embedded engine (one local node)"),
            FieldSpec.createOnly("bucket_name", Type.STRING, "Optional default bucket created with the instance"),
            FieldSpec.rw("encryption", Type.STRING, "\"none\" or \"aes256\" (SSE-S3 default encryption on every bucket)"),
            FieldSpec.rw("versioning", Type.BOOLEAN, "Versioning of the default bucket and default for new buckets"),
            FieldSpec.rw("mfa_delete", Type.BOOLEAN, "Require MFA to delete objects: MFA delete on every bucket with "
                    + "versioning; deleting a version then needs x-amz-mfa with the device of GET .../mfa"),
            FieldSpec.rw("cpu", Type.INTEGER, "CPUs per node (default 1)"),
            FieldSpec.rw("ram", Type.INTEGER, "MiB per node (default 1024)"),
            FieldSpec.rw("disk_size", Type.INTEGER, "GiB per node, grow only (default 10)"),
            FieldSpec.rw("nodes_number", Type.INTEGER, "Embedded engine: 1 (more local nodes would not share data; use "
                    + "a cluster). Not for cluster instances, whose nodes are the cluster's gateways"),
            FieldSpec.readOnly("status", Type.STRING, "PENDING, CREATING, ACTIVE, ERROR or DELETING"),
            FieldSpec.readOnly("status_reason", Type.STRING, "Why the status is what it is (error text)"),
            FieldSpec.readOnly("kind", Type.STRING, "Always s3"),
            FieldSpec.readOnly("nodes", Type.NODE_LIST, "[{id, ip, port, status, url}]: local nodes, or the cluster's "
                    + "gateways (HEALTHY, UNREACHABLE, PENDING)"),
            FieldSpec.readOnly("endpoint", Type.STRING, "S3 endpoint: the url of the first serving node"),
            FieldSpec.readOnly("ca_certificate", Type.STRING, "PEM certificate of the CA that issued the nodes' TLS "
                    + "certificates (for aws --ca-bundle, boto3 verify=); null when the nodes serve plain HTTP"),
            FieldSpec.readOnly("generation", Type.INTEGER,
                    "Counts changes to the instance and everything in it (buckets, users, keys…)"),
            FieldSpec.readOnly("observed_generation", Type.INTEGER,
                    "The generation the status describes; below generation while a change is being applied"),
            new FieldSpec("root_secret", Type.STRING, Access.HIDDEN, false, true, "Never returned"))
            .replacing(FieldSpec.createOnly("project_id", Type.STRING, "Owning project. On create (uuid or name; you "
                    + "need the owner role there): default the token's project, else your only one"));
    public static final ResourceSchema TYPE_ROOT = new ResourceSchema("collection", List.of(
            FieldSpec.readOnly("name", Type.STRING, "Sub-collection name"),
            FieldSpec.readOnly("href", Type.STRING, "Its path")));

    public static final ResourceSchema MFA_DEVICE = new ResourceSchema("mfa_device", List.of(
            FieldSpec.readOnly("serial", Type.STRING, "Device serial: the first word of x-amz-mfa"),
            FieldSpec.readOnly("secret", Type.STRING, "TOTP secret, base32 (RFC 6238: HMAC-SHA1, 6 digits, 30 s)"),
            FieldSpec.readOnly("otpauth_uri", Type.STRING, "otpauth://totp/ URI for authenticator apps")));

    private final InstanceService service;
    private final InstanceMfa mfa;
    private final Supplier<String> nodeCa;

    /** @param nodeCa the PEM of the CA of local nodes serving HTTPS (only asked when one of an instance's does) */
    public InstanceResource(InstanceService service, InstanceMfa mfa, Supplier<String> nodeCa) {
        this.service = service;
        this.mfa = mfa;
        this.nodeCa = nodeCa;
    }

    public List<Route> routes() {
        return List.of(
                new Route("GET", "/v1/types/s3", "Sub-collections of the s3 type", "authenticated", Shape.LIST, null,
                        TYPE_ROOT, true, r -> ApiResponse.ok(List.of(
                                Map.of("name", "instances", "href", BASE),
                                Map.of("name", "clusters", "href", "/v1/types/s3/clusters"),
                                Map.of("name", "versions", "href", "/v1/types/s3/versions")))),
                new Route("POST", BASE, "Create an instance (provisioned asynchronously)",
                        Permission.INSTANCE_CREATE.externalName(), Shape.CREATE, SCHEMA, SCHEMA, true,
                        r -> ApiResponse.created(view(service.create(r.principal(), SCHEMA.parseCreate(r.body())))))
                        .guardedBy(r -> service.creationProject(r.principal(), requestedProject(r))),
                new Route("GET", BASE, "List instances (filters: name, status, project_id; paging: limit, marker)",
                        Permission.INSTANCE_READ.externalName(), Shape.LIST, null, SCHEMA, true, r -> {
                            Page<Instance> page = service.list(r.principal(), PageRequest.from(r),
                                    r.query("project_id"));
                            return ApiResponse.page(new Page<>(page.items().stream().map(this::view).toList(),
                                    page.nextMarker()));
                        }).withQuery(Route.QueryParam.string("project_id", false,
                                "Only this project's instances (uuid or name); one you have no role in lists none")),
                new Route("GET", BASE + "/{instance}", "Read an instance", Permission.INSTANCE_READ.externalName(),
                        Shape.OBJECT, null, SCHEMA, true,
                        r -> ApiResponse.ok(view(service.require(r.principal(), r.param("instance"), Permission.INSTANCE_READ)))),
                new Route("PATCH", BASE + "/{instance}", "Update mutable fields", Permission.INSTANCE_UPDATE.externalName(),
                        Shape.PATCH, SCHEMA, SCHEMA, true,
                        r -> ApiResponse.ok(view(service.update(r.principal(), r.param("instance"), SCHEMA.parsePatch(r.body()))))),
                new Route("DELETE", BASE + "/{instance}", "Delete an instance (asynchronous: 202, status DELETING)",
                        Permission.INSTANCE_DELETE.externalName(), Shape.OBJECT, null, SCHEMA, true,
                        r -> ApiResponse.accepted(view(service.delete(r.principal(), r.param("instance"))))),
                new Route("GET", BASE + "/{instance}/mfa", "The instance root's virtual MFA device (for MFA delete)",
                        Permission.INSTANCE_MFA_REVEAL.externalName(), Shape.OBJECT, null, MFA_DEVICE, true,
                        r -> mfaDevice(service.require(r.principal(), r.param("instance"),
                                Permission.INSTANCE_MFA_REVEAL))),
                new Route("GET", BASE + "/{instance}/mfa/qr", "The MFA device's otpauth URI as a QR code (PNG)",
                        Permission.INSTANCE_MFA_REVEAL.externalName(), Shape.BYTES, null, null, true,
                        r -> mfaQr(service.require(r.principal(), r.param("instance"),
                                Permission.INSTANCE_MFA_REVEAL))).producing("image/png"));
    }

    /** The device's otpauth URI as a PNG QR code: the same secret as {@link #mfaDevice}, so not cached either. */
    private ApiResponse mfaQr(Instance i) {
        InstanceMfa.Device d = mfa.device(i.uuid()).orElseThrow(() -> ApiError.notFound("instance", i.uuid()));
        byte[] png = MfaQr.png(d.otpauthUri(i.name()));
        return new ApiResponse(200, StreamedBody.of(png), Map.of("Content-Type", "image/png",
                "Content-Length", Integer.toString(png.length), "Cache-Control", "no-store"));
    }

    /** The create body's project_id for the replay guard (the body is checked against the schema after it). */
    private static String requestedProject(ApiRequest r) {
        JsonNode v = r.body() == null ? null : r.body().get("project_id");
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** A secret in the response: not to be kept by caches. */
    private ApiResponse mfaDevice(Instance i) {
        InstanceMfa.Device d = mfa.device(i.uuid()).orElseThrow(() -> ApiError.notFound("instance", i.uuid()));
        return new ApiResponse(200, Map.of("serial", d.serial(), "secret", d.secretBase32(),
                "otpauth_uri", d.otpauthUri(i.name())), Map.of("Cache-Control", "no-store"));
    }

    private Map<String, Object> view(Instance i) {
        List<Instance.NodeView> nodes = service.nodes(i);
        boolean https = !i.onCluster() && nodes.stream().anyMatch(Instance.NodeView::https);
        return i.view(nodes, https ? nodeCa.get() : null);
    }
}
