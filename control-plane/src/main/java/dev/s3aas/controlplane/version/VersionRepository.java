package dev.s3aas.controlplane.version;

import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.db.Paging;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for the version catalog. */
public final class VersionRepository {
    static final RowMapper<Version> MAPPER = (rs, ctx) -> new Version(rs.getString("uuid"), rs.getString("name"),
            rs.getString("description"), rs.getString("status"), rs.getLong("created_at"), rs.getLong("updated_at"));

    public Optional<Version> find(Handle h, String ref) {
        String col = Ids.looksLikeUuid(ref) ? "uuid" : "name";
        return h.createQuery("SELECT * FROM versions WHERE " + col + " = :v").bind("v", ref).map(MAPPER).findOne();
    }

    /** The newest catalog entry: the default version of a new instance. */
    public Optional<Version> newest(Handle h) {
        return h.createQuery("SELECT * FROM versions ORDER BY created_at DESC, name DESC LIMIT 1").map(MAPPER).findFirst();
    }

    public Page<Version> list(Handle h, PageRequest pr) {
        return Paging.list(h, "versions", "1 = 1", Map.of(), "name", pr, MAPPER, Version::uuid);
    }

    public void insert(Handle h, Version v) {
        h.createUpdate("INSERT INTO versions (uuid, name, description, status, created_at, updated_at) "
                        + "VALUES (:uuid, :name, :d, :s, :c, :u)")
                .bind("uuid", v.uuid()).bind("name", v.name()).bind("d", v.description()).bind("s", v.status())
                .bind("c", v.createdAt()).bind("u", v.updatedAt()).execute();
    }

    public void delete(Handle h, String uuid) {
        h.createUpdate("DELETE FROM versions WHERE uuid = :v").bind("v", uuid).execute();
    }
}
