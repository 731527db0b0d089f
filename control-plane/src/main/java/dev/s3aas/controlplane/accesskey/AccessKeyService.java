package dev.s3aas.controlplane.accesskey;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.JsonInput;
import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.crypto.SecretBox;
import dev.s3aas.controlplane.crypto.Secrets;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.db.DbErrors;
import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.db.Optimistic;
import dev.s3aas.controlplane.iam.Permission;
import dev.s3aas.controlplane.iam.Principal;
import dev.s3aas.controlplane.instance.Instance;
import dev.s3aas.controlplane.instance.InstanceService;
import dev.s3aas.controlplane.user.S3User;
import dev.s3aas.controlplane.user.UserService;
import java.time.Clock;
import java.time.Instant;

/** Access key rules: generated ids, secrets sealed at rest and shown once. */
public final class AccessKeyService {
    /** A key together with its plaintext secret, which only the create response carries. */
    public record Created(AccessKey key, String secret) {}

    private final Database db;
    private final AccessKeyRepository repo;
    private final InstanceService instances;
    private final UserService users;
    private final SecretBox secrets;
    private final Clock clock;

    public AccessKeyService(Database db, AccessKeyRepository repo, InstanceService instances, UserService users,
            SecretBox secrets, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.instances = instances;
        this.users = users;
        this.secrets = secrets;
        this.clock = clock;
    }

    public Created create(Principal p, String instanceRef, String userRef, JsonInput in) {
        Instance inst = instances.requireWritable(p, instanceRef, Permission.ACCESS_KEY_CREATE);
        S3User user = users.find(inst, userRef);
        String secret = in.has("secret_key") ? AccessKey.checkSecret(in.string("secret_key", null)) : Secrets.secretKey();
        long now = clock.millis();
        Long expires = expiry(in, now, null);
        for (int attempt = 0; ; attempt++) {
            AccessKey key = new AccessKey(Ids.newId(), inst.uuid(), user.uuid(), user.name(), Secrets.accessKeyId(),
                    secrets.encrypt(secret), in.string("description", ""), in.string("status", "ACTIVE"), expires, now, now);
            try {
                db.writeVoid(h -> {
                    repo.insert(h, key);
                    instances.bump(h, inst.uuid());
                });
                instances.notifyChanged(inst.uuid());
                return new Created(key, secret);
            } catch (RuntimeException e) {
                // A generated id collided (36^20 space: practically never); draw another.
                if (!DbErrors.isUniqueViolation(e) || attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private static Long expiry(JsonInput in, long now, Long fallback) {
        if (!in.has("expires_at")) {
            return fallback;
        }
        Instant at = in.instant("expires_at");
        if (at == null) {
            return null;
        }
        if (at.toEpochMilli() <= now) {
            throw ApiError.invalid("expires_at", "expires_at must be in the future");
        }
        return at.toEpochMilli();
    }

    public Page<AccessKey> list(Principal p, String instanceRef, String userRef, PageRequest pr) {
        Instance inst = instances.require(p, instanceRef, Permission.ACCESS_KEY_READ);
        S3User user = users.find(inst, userRef);
        return db.read(h -> repo.list(h, user.uuid(), pr));
    }

    public AccessKey get(Principal p, String instanceRef, String userRef, String ref) {
        Instance inst = instances.require(p, instanceRef, Permission.ACCESS_KEY_READ);
        return find(inst, userRef, ref);
    }

    private AccessKey find(Instance inst, String userRef, String ref) {
        S3User user = users.find(inst, userRef);
        return db.read(h -> repo.find(h, user.uuid(), ref)).orElseThrow(() -> ApiError.notFound("access key", ref));
    }

    public AccessKey update(Principal p, String instanceRef, String userRef, String ref, JsonInput in) {
        Instance inst = instances.requireWritable(p, instanceRef, Permission.ACCESS_KEY_UPDATE);
        S3User user = users.find(inst, userRef);
        // Read and written in one transaction, conditionally: see Optimistic. Were the user deleted
        // meanwhile, its keys went with it and this is a 404.
        AccessKey next = Optimistic.retry(() -> db.write(h -> {
            AccessKey cur = repo.find(h, user.uuid(), ref).orElseThrow(() -> ApiError.notFound("access key", ref));
            long now = clock.millis();
            AccessKey patched = new AccessKey(cur.uuid(), cur.instanceId(), cur.userId(), cur.userName(), cur.accessKey(),
                    cur.secretSealed(), in.string("description", cur.description()), in.string("status", cur.status()),
                    expiry(in, now, cur.expiresAt()), cur.createdAt(), Optimistic.nextStamp(cur.updatedAt(), clock));
            Optimistic.requireUpdated(repo.update(h, patched, cur.updatedAt()));
            instances.bump(h, inst.uuid());
            return patched;
        }));
        instances.notifyChanged(inst.uuid());
        return next;
    }

    public void delete(Principal p, String instanceRef, String userRef, String ref) {
        Instance inst = instances.requireWritable(p, instanceRef, Permission.ACCESS_KEY_DELETE);
        AccessKey cur = find(inst, userRef, ref);
        db.writeVoid(h -> {
            repo.delete(h, cur.uuid());
            instances.bump(h, inst.uuid());
        });
        instances.notifyChanged(inst.uuid());
    }
}
