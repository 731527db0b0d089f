package dev.s3aas.controlplane.iam;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.JsonInput;
import dev.s3aas.controlplane.crypto.PasswordHasher;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.db.DbErrors;
import dev.s3aas.controlplane.db.Ids;
import dev.s3aas.controlplane.db.Optimistic;
import dev.s3aas.controlplane.iam.IamRecords.IamUser;
import dev.s3aas.controlplane.iam.IamRecords.Project;
import dev.s3aas.controlplane.iam.IamRecords.RoleBinding;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Management of control-plane users, projects and role bindings. Admins manage everything;
 * project owners create users and bind roles in their projects; everyone sees themselves and the
 * projects they have a role in.
 */
public final class IamAdminService {
    static final int MIN_PASSWORD = 8;

    private final Database db;
    private final IamRepository repo;
    private final PasswordHasher hasher;
    private final Clock clock;

    public IamAdminService(Database db, IamRepository repo, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.hasher = hasher;
        this.clock = clock;
    }

    static String checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 1024) {
            throw ApiError.invalid("password", "password must be 8 to 1024 characters");
        }
        return password;
    }

    /** Admins and project owners create users. */
    public void checkCreatesUsers(Principal p) {
        if (!p.ownsAnyProject()) {
            throw new ApiError.Forbidden("only admins and project owners create users");
        }
    }

    public IamUser createUser(Principal p, JsonInput in) {
        checkCreatesUsers(p);
        if (in.has("current_password")) {
            throw ApiError.invalid("current_password", "current_password is only used when changing your own password");
        }
        boolean admin = in.bool("is_admin", false);
        if (admin && !p.admin()) {
            throw new ApiError.Forbidden("only admins create admins");
        }
        long now = clock.millis();
        IamUser u = new IamUser(Ids.newId(), in.string("name", null), hasher.hash(checkPassword(in.string("password", null))),
                admin, status(in, "ACTIVE"), now, now);
        try {
            db.writeVoid(h -> repo.insertUser(h, u));
        } catch (RuntimeException e) {
            throw DbErrors.isUniqueViolation(e) ? ApiError.duplicate("name", "user '" + u.name() + "' already exists") : e;
        }
        return u;
    }

    private static String status(JsonInput in, String fallback) {
        String s = in.string("status", fallback);
        if (!s.equals("ACTIVE") && !s.equals("DISABLED")) {
            throw ApiError.invalid("status", "status must be ACTIVE or DISABLED");
        }
        return s;
    }

    public List<IamUser> listUsers(Principal p) {
        List<IamUser> all = db.read(repo::listUsers);
        return p.ownsAnyProject() ? all : all.stream().filter(u -> u.uuid().equals(p.userId())).toList();
    }

    public IamUser getUser(Principal p, String ref) {
        IamUser u = db.read(h -> repo.findUser(h, ref)).orElseThrow(() -> ApiError.notFound("user", ref));
        if (!p.ownsAnyProject() && !u.uuid().equals(p.userId())) {
            throw ApiError.notFound("user", ref);
        }
        return u;
    }

    public IamUser updateUser(Principal p, String ref, JsonInput in) {
        // Unlike the other PATCHes, the row is read outside the write transaction: the checks may
        // verify current_password, a deliberately slow Argon2id hash that must not hold SQLite's one
        // write lock. The write is still conditional on the row read (see Optimistic), so a retry
        // re-reads and re-checks everything; the new password's hash does not depend on the row and
        // is computed once.
        String[] newHash = {null};
        return Optimistic.retry(() -> {
            IamUser u = getUser(p, ref);
            checkUserPatch(p, u, in);
            boolean newPassword = in.has("password");
            if (newPassword && newHash[0] == null) {
                newHash[0] = hasher.hash(checkPassword(in.string("password", null)));
            }
            IamUser updated = new IamUser(u.uuid(), u.name(), newPassword ? newHash[0] : u.passwordHash(),
                    in.bool("is_admin", u.admin()), status(in, u.status()), u.createdAt(),
                    Optimistic.nextStamp(u.updatedAt(), clock));
            // A new password or a status change ends every session: refresh tokens minted with the old
            // password (possibly by whoever stole it) or before a disable must not outlive the change.
            boolean revoke = newPassword || !updated.status().equals(u.status());
            db.writeVoid(h -> {
                Optimistic.requireUpdated(repo.updateUser(h, updated, u.updatedAt()));
                if (revoke) {
                    repo.deleteRefreshOf(h, u.uuid());
                }
            });
            return updated;
        });
    }

    /** Who may change what of {@code u}; a user changing their own password must know the current one. */
    private void checkUserPatch(Principal p, IamUser u, JsonInput in) {
        boolean self = u.uuid().equals(p.userId());
        if (!p.admin() && !self) {
            throw new ApiError.Forbidden("only admins change other users");
        }
        if ((in.has("is_admin") || in.has("status")) && !p.admin()) {
            throw new ApiError.Forbidden("only admins change is_admin or status");
        }
        if (in.has("password") && self) {
            checkCurrentPassword(u, in.string("current_password", null));
        } else if (in.has("current_password")) {
            throw ApiError.invalid("current_password", "current_password is only used when changing your own password");
        }
    }

    /** A user changing their own password proves they know the current one (a stolen token is not enough). */
    private void checkCurrentPassword(IamUser u, String current) {
        if (current == null) {
            throw new ApiError.Invalid("missing_field", "field 'current_password' is required to change your own password",
                    "current_password");
        }
        if (!hasher.verify(current, u.passwordHash())) {
            throw ApiError.invalid("current_password", "current_password is not your current password");
        }
    }

    public void deleteUser(Principal p, String ref) {
        IamUser u = getUser(p, ref);
        if (!p.admin()) {
            throw new ApiError.Forbidden("only admins delete users");
        }
        if (u.uuid().equals(p.userId())) {
            throw new ApiError.Conflict("self_delete", "you cannot delete yourself", null);
        }
        db.writeVoid(h -> repo.deleteUser(h, u.uuid()));
    }

    public static void checkCreatesProjects(Principal p) {
        if (!p.admin()) {
            throw new ApiError.Forbidden("only admins create projects");
        }
    }

    public Project createProject(Principal p, JsonInput in) {
        checkCreatesProjects(p);
        long now = clock.millis();
        Project project = new Project(Ids.newId(), in.string("name", null), in.string("description", ""), now, now);
        try {
            db.writeVoid(h -> repo.insertProject(h, project));
        } catch (RuntimeException e) {
            throw DbErrors.isUniqueViolation(e) ? ApiError.duplicate("name", "project '" + project.name() + "' already exists") : e;
        }
        return project;
    }

    public List<Project> listProjects(Principal p) {
        return db.read(repo::listProjects).stream().filter(x -> p.canSee(x.uuid())).toList();
    }

    public Project getProject(Principal p, String ref) {
        return db.read(h -> repo.findProject(h, ref)).filter(x -> p.canSee(x.uuid()))
                .orElseThrow(() -> ApiError.notFound("project", ref));
    }

    public Project updateProject(Principal p, String ref, JsonInput in) {
        String uuid = getProject(p, ref).uuid();
        p.require(uuid, Permission.PROJECT_UPDATE, "project", ref);
        try {
            // Read and written in one transaction, conditionally: see Optimistic.
            return Optimistic.retry(() -> db.write(h -> {
                Project cur = repo.findProject(h, uuid).orElseThrow(() -> ApiError.notFound("project", ref));
                Project next = new Project(cur.uuid(), in.string("name", cur.name()),
                        in.string("description", cur.description()), cur.createdAt(),
                        Optimistic.nextStamp(cur.updatedAt(), clock));
                Optimistic.requireUpdated(repo.updateProject(h, next, cur.updatedAt()));
                return next;
            }));
        } catch (RuntimeException e) {
            throw DbErrors.isUniqueViolation(e)
                    ? ApiError.duplicate("name", "project '" + in.string("name", ref) + "' already exists") : e;
        }
    }

    public void deleteProject(Principal p, String ref) {
        Project cur = getProject(p, ref);
        if (!p.admin()) {
            throw new ApiError.Forbidden("only admins delete projects");
        }
        // The instances' foreign key decides: a count first could miss an instance created
        // concurrently (uncommitted) on PostgreSQL, and the delete would then fail anyway.
        try {
            db.writeVoid(h -> repo.deleteProject(h, cur.uuid()));
        } catch (RuntimeException e) {
            throw DbErrors.isForeignKeyViolation(e)
                    ? new ApiError.Conflict("not_empty", "project '" + ref + "' still has instances", null) : e;
        }
    }

    /** The project a binding request names, if the caller may bind roles in it. */
    public Project bindableProject(Principal p, JsonInput in) {
        String projectRef = in.string("project_id", null);
        Project project = db.read(h -> repo.findProject(h, projectRef)).filter(x -> p.canSee(x.uuid()))
                .orElseThrow(() -> ApiError.invalid("project_id", "project '" + projectRef + "' not found"));
        p.require(project.uuid(), Permission.ROLE_BINDING_CREATE, "project", projectRef);
        return project;
    }

    public RoleBinding createBinding(Principal p, JsonInput in) {
        Project project = bindableProject(p, in);
        String userRef = in.string("user_id", null);
        IamUser user = db.read(h -> repo.findUser(h, userRef))
                .orElseThrow(() -> ApiError.invalid("user_id", "user '" + userRef + "' not found"));
        long now = clock.millis();
        RoleBinding b = new RoleBinding(Ids.newId(), user.uuid(), project.uuid(), Role.parse(in.string("role", null), "role"), now, now);
        try {
            db.writeVoid(h -> repo.insertBinding(h, b));
        } catch (RuntimeException e) {
            throw DbErrors.isUniqueViolation(e) ? ApiError.duplicate("user_id", "user already has a role in this project") : e;
        }
        return b;
    }

    public List<RoleBinding> listBindings(Principal p) {
        return db.read(repo::listBindings).stream()
                .filter(b -> p.roleIn(b.projectId()).map(r -> r.allows(Permission.ROLE_BINDING_READ)).orElse(false))
                .toList();
    }

    public RoleBinding getBinding(Principal p, String id) {
        return db.read(h -> repo.findBinding(h, id)).filter(b -> p.canSee(b.projectId()))
                .orElseThrow(() -> ApiError.notFound("role binding", id));
    }

    public void deleteBinding(Principal p, String id) {
        RoleBinding b = getBinding(p, id);
        p.require(b.projectId(), Permission.ROLE_BINDING_DELETE, "role binding", id);
        db.writeVoid(h -> repo.deleteBinding(h, b.uuid()));
    }

    /** Used by bootstrap, which runs only on an empty user table. */
    boolean hasUsers() {
        return db.read(repo::countUsers) > 0;
    }

    /** Used by bootstrap: creates a user, project and owner binding in one transaction. */
    void bootstrap(Handle h, IamUser admin, Project project) {
        repo.insertUser(h, admin);
        repo.insertProject(h, project);
        repo.insertBinding(h, new RoleBinding(Ids.newId(), admin.uuid(), project.uuid(), Role.OWNER,
                admin.createdAt(), admin.createdAt()));
    }
}
