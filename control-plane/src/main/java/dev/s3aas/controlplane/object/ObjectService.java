package dev.s3aas.controlplane.object;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.ApiRequest.RawBody;
import dev.s3aas.controlplane.bucket.Bucket;
import dev.s3aas.controlplane.bucket.BucketService;
import dev.s3aas.controlplane.iam.Permission;
import dev.s3aas.controlplane.iam.Principal;
import dev.s3aas.controlplane.instance.Instance;
import dev.s3aas.controlplane.instance.InstanceService;
import dev.s3aas.controlplane.instance.InstanceStatus;
import dev.s3aas.controlplane.node.BucketUsage;
import dev.s3aas.controlplane.node.NodeException;
import dev.s3aas.controlplane.node.ObjectClient;
import dev.s3aas.controlplane.node.ObjectClient.ObjectData;
import dev.s3aas.controlplane.node.ObjectClient.ObjectHead;
import dev.s3aas.controlplane.object.ObjectViews.Item;
import dev.s3aas.controlplane.object.ObjectViews.Listing;
import dev.s3aas.controlplane.object.ObjectViews.Uploaded;
import dev.s3aas.controlplane.object.ObjectViews.Version;
import dev.s3aas.controlplane.object.ObjectViews.Versions;
import dev.s3aas.controlplane.reconcile.InstanceReconciler;

/**
 * The object browser's rules: the caller's permission on the instance (read for listing and downloading,
 * write for uploading and deleting), a bucket the control plane knows, an ACTIVE instance; then one S3 call on
 * the instance's data plane, whichever engine it is ({@link InstanceReconciler.DataPlanes}), with the
 * credentials the control plane holds. Node refusals are passed on as {@link NodeException}, for the resource
 * to translate once ({@link ObjectErrors}).
 */
public final class ObjectService {
    /** The largest single PutObject S3 allows (docs.aws.amazon.com/AmazonS3/latest/userguide/upload-objects.html). */
    public static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024 * 1024;

    private final InstanceService instances;
    private final BucketService buckets;
    private final InstanceReconciler.DataPlanes planes;

    public ObjectService(InstanceService instances, BucketService buckets, InstanceReconciler.DataPlanes planes) {
        this.instances = instances;
        this.buckets = buckets;
        this.planes = planes;
    }

    /** A bucket ready for object calls: the data plane's client and the bucket's S3 name. */
    private record Target(ObjectClient objects, String bucket) {}

    /** A bucket of an ACTIVE instance the caller may reach, by its S3 name. */
    private record Checked(Instance instance, String bucket) {}

    /** The checks of every data-plane call, in the order a caller should learn about them: 403/404, 404, 409. */
    private Checked check(Principal p, String instanceRef, String bucketRef, Permission permission) {
        Instance inst = instances.require(p, instanceRef, permission);
        Bucket bucket = buckets.find(inst, bucketRef);
        if (inst.status() != InstanceStatus.ACTIVE) {
            throw new ApiError.Conflict("instance_not_active", "instance '" + instanceRef + "' is " + inst.status()
                    + ": its objects can be reached once it is ACTIVE", null);
        }
        return new Checked(inst, bucket.name().value());
    }

    private Target open(Principal p, String instanceRef, String bucketRef, Permission permission) throws NodeException {
        Checked c = check(p, instanceRef, bucketRef, permission);
        return new Target(planes.of(c.instance()).objects(c.instance()), c.bucket());
    }

    /**
     * The bucket's objects and bytes as its engine counts them now: asked of the data plane on each call, so
     * it is one route of its own and the bucket list stays a database read.
     */
    public BucketUsage usage(Principal p, String instanceRef, String bucketRef) throws NodeException {
        Checked c = check(p, instanceRef, bucketRef, Permission.BUCKET_READ);
        return planes.of(c.instance()).usage(c.instance(), c.bucket());
    }

    public Listing list(Principal p, String instanceRef, String bucketRef, String prefix, String delimiter,
            String pageToken, int limit) throws NodeException {
        Target t = open(p, instanceRef, bucketRef, Permission.OBJECT_READ);
        ObjectClient.ObjectListing page = t.objects().listObjects(
                new ObjectClient.ListObjects(t.bucket(), prefix, delimiter, pageToken, limit));
        return new Listing(page.objects().stream().map(Item::of).toList(), page.prefixes(),
                page.nextContinuationToken());
    }

    public Versions versions(Principal p, String instanceRef, String bucketRef, String prefix, String delimiter,
            String pageToken, int limit) throws NodeException {
        VersionsToken from = VersionsToken.decode(pageToken);
        Target t = open(p, instanceRef, bucketRef, Permission.OBJECT_READ);
        ObjectClient.VersionListing page = t.objects().listVersions(new ObjectClient.ListVersions(t.bucket(), prefix,
                delimiter, from == null ? null : from.keyMarker(), from == null ? null : from.versionIdMarker(), limit));
        String next = page.nextKeyMarker() == null ? null
                : new VersionsToken(page.nextKeyMarker(), page.nextVersionIdMarker()).encode();
        return new Versions(page.versions().stream().map(Version::of).toList(), page.prefixes(), next);
    }

    /**
     * Streams the request body to the node as one PutObject: the length must be declared (the node is told it
     * before the first byte, and nothing is buffered to learn it) and within a single PUT's limit.
     */
    public Uploaded put(Principal p, String instanceRef, String bucketRef, ObjectKey key, RawBody body)
            throws NodeException {
        Target t = open(p, instanceRef, bucketRef, Permission.OBJECT_WRITE);
        if (body.length() < 0) {
            throw new ApiError.LengthRequired("an upload needs a Content-Length header (the body is streamed to "
                    + "the node, which is told its length first)");
        }
        if (body.length() > MAX_UPLOAD_BYTES) {
            throw new ApiError.TooLarge("the object is " + body.length() + " bytes; a single upload takes at most "
                    + MAX_UPLOAD_BYTES + " bytes (5 GiB)");
        }
        String type = body.contentType() == null || body.contentType().isBlank() ? "application/octet-stream"
                : body.contentType();
        ObjectClient.PutResult r = t.objects().putObject(t.bucket(), key.value(), type, body.length(), body.in());
        return new Uploaded(key.value(), r.etag(), r.versionId(), body.length());
    }

    /** The object's headers and open body stream; the caller closes it. */
    public ObjectData get(Principal p, String instanceRef, String bucketRef, ObjectKey key, String versionId)
            throws NodeException {
        Target t = open(p, instanceRef, bucketRef, Permission.OBJECT_READ);
        return t.objects().getObject(t.bucket(), key.value(), versionId);
    }

    public ObjectHead head(Principal p, String instanceRef, String bucketRef, ObjectKey key, String versionId)
            throws NodeException {
        Target t = open(p, instanceRef, bucketRef, Permission.OBJECT_READ);
        return t.objects().headObject(t.bucket(), key.value(), versionId);
    }

    /** Deletes the version given, or (no version, versioned bucket) adds a delete marker. */
    public ObjectClient.DeleteResult delete(Principal p, String instanceRef, String bucketRef, ObjectKey key,
            String versionId) throws NodeException {
        Target t = open(p, instanceRef, bucketRef, Permission.OBJECT_WRITE);
        return t.objects().deleteObject(t.bucket(), key.value(), versionId);
    }
}
