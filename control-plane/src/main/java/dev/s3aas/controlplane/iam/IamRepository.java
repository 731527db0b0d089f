package dev.s3aas.controlplane.iam;

import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.iam.IamRecords.IamUser;
import dev.s3aas.controlplane.iam.IamRecords.Project;
import dev.s3aas.controlplane.iam.IamRecords.RoleBinding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for IAM users, projects, role bindings and refresh tokens. Callers own the transaction. */
public final class IamRepository {
    static final RowMapper<IamUser> USER = (rs, ctx) -> new IamUser(rs.getString("uuid"), rs.getString("name"),
            rs.getString("password_hash"), rs.getBoolean("is_admin"), rs.getString("status"),
            rs.getLong("created_at"), rs.getLong("updated_at"));
    static final RowMapper<Project> PROJECT = (rs, ctx) -> new Project(rs.getString("uuid"), rs.getString("name"),
            rs.getString("description"), rs.getLong("created_at"), rs.getLong("updated_at"));
    static final RowMapper<RoleBinding> BINDING = (rs, ctx) -> new RoleBinding(rs.getString("uuid"),
            rs.getString("user_id"), rs.getString("project_id"), Role.valueOf(rs.getString("role")),
            rs.getLong("created_at"), rs.getLong("updated_at"));

    public long countUsers(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM iam_users").mapTo(Long.class).one();
    }

    public void insertUser(Handle h, IamUser u) {
        h.createUpdate("INSERT INTO iam_users (uuid, name, password_hash, is_admin, status, created_at, updated_at) "
                        + "VALUES (:uuid, :name, :hash, :admin, :status, :c, :u)")
                .bind("uuid", u.uuid()).bind("name", u.name()).bind("hash", u.passwordHash())
                .bind("admin", u.admin()).bind("status", u.status()).bind("c", u.createdAt()).bind("u", u.updatedAt())
                .execute();
    }

    /** Writes {@code u} over the row last written at {@code seenUpdatedAt}; the row count is 0 if it changed since. */
    public int updateUser(Handle h, IamUser u, long seenUpdatedAt) {
        return h.createUpdate("UPDATE iam_users SET password_hash = :hash, is_admin = :admin, status = :status, "
                        + "updated_at = :u WHERE uuid = :uuid AND updated_at = :seen")
                .bind("uuid", u.uuid()).bind("hash", u.passwordHash()).bind("admin", u.admin())
                .bind("status", u.status()).bind("u", u.updatedAt()).bind("seen", seenUpdatedAt).execute();
    }

    public Optional<IamUser> findUser(Handle h, String idOrName) {
        return h.createQuery("SELECT * FROM iam_users WHERE " + column(idOrName) + " = :v").bind("v", idOrName)
                .map(USER).findOne();
    }

    /** A UUID-shaped reference is a uuid (names cannot have that shape), anything else a name. */
    private static String column(String idOrName) {
        return Ids.looksLikeUuid(idOrName) ? "uuid" : "name";
    }

    public List<IamUser> listUsers(Handle h) {
        return h.createQuery("SELECT * FROM iam_users ORDER BY created_at, uuid").map(USER).list();
    }

    public void deleteUser(Handle h, String uuid) {
        h.createUpdate("DELETE FROM iam_users WHERE uuid = :u").bind("u", uuid).execute();
    }

    public void insertProject(Handle h, Project p) {
        h.createUpdate("INSERT INTO projects (uuid, name, description, created_at, updated_at) "
                        + "VALUES (:uuid, :name, :d, :c, :u)")
                .bind("uuid", p.uuid()).bind("name", p.name()).bind("d", p.description())
                .bind("c", p.createdAt()).bind("u", p.updatedAt()).execute();
    }

    /** Writes {@code p} over the row last written at {@code seenUpdatedAt}; the row count is 0 if it changed since. */
    public int updateProject(Handle h, Project p, long seenUpdatedAt) {
        return h.createUpdate("UPDATE projects SET name = :name, description = :d, updated_at = :u "
                        + "WHERE uuid = :uuid AND updated_at = :seen")
                .bind("uuid", p.uuid()).bind("name", p.name()).bind("d", p.description()).bind("u", p.updatedAt())
                .bind("seen", seenUpdatedAt).execute();
    }

    public Optional<Project> findProject(Handle h, String idOrName) {
        return h.createQuery("SELECT * FROM projects WHERE " + column(idOrName) + " = :v").bind("v", idOrName)
                .map(PROJECT).findOne();
    }

    public List<Project> listProjects(Handle h) {
        return h.createQuery("SELECT * FROM projects ORDER BY created_at, uuid").map(PROJECT).list();
    }

    public void deleteProject(Handle h, String uuid) {
        h.createUpdate("DELETE FROM projects WHERE uuid = :u").bind("u", uuid).execute();
    }

    public void insertBinding(Handle h, RoleBinding b) {
        h.createUpdate("INSERT INTO role_bindings (uuid, user_id, project_id, role, created_at, updated_at) "
                        + "VALUES (:uuid, :user, :project, :role, :c, :u)")
                .bind("uuid", b.uuid()).bind("user", b.userId()).bind("project", b.projectId())
                .bind("role", b.role().name()).bind("c", b.createdAt()).bind("u", b.updatedAt()).execute();
    }

    public Optional<RoleBinding> findBinding(Handle h, String uuid) {
        return h.createQuery("SELECT * FROM role_bindings WHERE uuid = :u").bind("u", uuid).map(BINDING).findOne();
    }

    public List<RoleBinding> listBindings(Handle h) {
        return h.createQuery("SELECT * FROM role_bindings ORDER BY created_at, uuid").map(BINDING).list();
    }

    public void deleteBinding(Handle h, String uuid) {
        h.createUpdate("DELETE FROM role_bindings WHERE uuid = :u").bind("u", uuid).execute();
    }

    public Map<String, Role> rolesOf(Handle h, String userId) {
        Map<String, Role> roles = new HashMap<>();
        h.createQuery("SELECT project_id, role FROM role_bindings WHERE user_id = :u").bind("u", userId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), Role.valueOf(rs.getString(2))))
                .forEach(e -> roles.put(e.getKey(), e.getValue()));
        return roles;
    }

    /** A stored refresh token: its owner and the project it was scoped to. */
    public record RefreshGrant(String userId, String projectId, long expiresAt) {}

    public void insertRefresh(Handle h, String hash, RefreshGrant g, long now) {
        h.createUpdate("INSERT INTO refresh_tokens (token_hash, user_id, project_id, expires_at, created_at) "
                        + "VALUES (:h, :u, :p, :e, :c)")
                .bind("h", hash).bind("u", g.userId()).bind("p", g.projectId()).bind("e", g.expiresAt())
                .bind("c", now).execute();
    }

    /**
     * Removes and returns a refresh token: each one is usable once (rotation). Only the transaction
     * whose DELETE removed the row gets the grant: on PostgreSQL two concurrent refreshes can both
     * read the row, but the second DELETE waits for the first to commit and then removes nothing.
     */
    public Optional<RefreshGrant> consumeRefresh(Handle h, String hash) {
        Optional<RefreshGrant> g = h.createQuery("SELECT user_id, project_id, expires_at FROM refresh_tokens WHERE token_hash = :h")
                .bind("h", hash)
                .map((rs, ctx) -> new RefreshGrant(rs.getString(1), rs.getString(2), rs.getLong(3))).findOne();
        if (g.isEmpty()) {
            return g;
        }
        int deleted = h.createUpdate("DELETE FROM refresh_tokens WHERE token_hash = :h").bind("h", hash).execute();
        return deleted == 1 ? g : Optional.empty();
    }

    /** Revokes every refresh token of a user (password or status changed). */
    public void deleteRefreshOf(Handle h, String userId) {
        h.createUpdate("DELETE FROM refresh_tokens WHERE user_id = :u").bind("u", userId).execute();
    }

    public void purgeExpiredRefresh(Handle h, long now) {
        h.createUpdate("DELETE FROM refresh_tokens WHERE expires_at < :n").bind("n", now).execute();
    }
}
