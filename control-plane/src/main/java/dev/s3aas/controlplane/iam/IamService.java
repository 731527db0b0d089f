package dev.s3aas.controlplane.iam;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.crypto.PasswordHasher;
import dev.s3aas.controlplane.crypto.Secrets;
import dev.s3aas.controlplane.db.Database;
import dev.s3aas.controlplane.iam.IamRecords.IamUser;
import dev.s3aas.controlplane.iam.IamRepository.RefreshGrant;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Logins, token refresh and per-request authentication. */
public final class IamService {
    static final Duration REFRESH_TTL = Duration.ofDays(30);

    private final Database db;
    private final IamRepository repo;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final Clock clock;
    // Verified against when the user does not exist, so timing does not reveal valid user names.
    private final String dummyHash;

    public IamService(Database db, IamRepository repo, PasswordHasher hasher, TokenService tokens, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.hasher = hasher;
        this.tokens = tokens;
        this.clock = clock;
        this.dummyHash = hasher.hash(Secrets.password(16));
    }

    /** Password grant: checks the credentials and the optional project scope. */
    public Map<String, Object> login(String username, String password, String projectRef) {
        IamUser user = db.read(h -> repo.findUser(h, username)).orElse(null);
        boolean ok = hasher.verify(password, user == null ? dummyHash : user.passwordHash());
        if (user == null || !ok || !user.active()) {
            throw new ApiError.Unauthenticated("invalid username or password");
        }
        String projectId = projectRef == null ? null : resolveProjectScope(user, projectRef);
        return issue(user.uuid(), projectId);
    }

    /** Refresh grant: the presented token is consumed and a new pair issued (rotation). */
    public Map<String, Object> refresh(String refreshToken) {
        long now = clock.millis();
        RefreshGrant grant = db.write(h -> repo.consumeRefresh(h, Secrets.sha256Hex(refreshToken)))
                .filter(g -> g.expiresAt() > now)
                .orElseThrow(() -> new ApiError.Unauthenticated("invalid or expired refresh token"));
        IamUser user = db.read(h -> repo.findUser(h, grant.userId()))
                .filter(IamUser::active)
                .orElseThrow(() -> new ApiError.Unauthenticated("invalid or expired refresh token"));
        return issue(user.uuid(), grant.projectId());
    }

    private String resolveProjectScope(IamUser user, String projectRef) {
        return db.read(h -> {
            var project = repo.findProject(h, projectRef)
                    .filter(p -> user.admin() || repo.rolesOf(h, user.uuid()).containsKey(p.uuid()));
            return project.orElseThrow(() -> ApiError.invalid("project_id",
                    "project '" + projectRef + "' does not exist or you have no role in it")).uuid();
        });
    }

    private Map<String, Object> issue(String userId, String projectId) {
        String refresh = Secrets.opaqueToken();
        long now = clock.millis();
        db.writeVoid(h -> {
            repo.purgeExpiredRefresh(h, now);
            repo.insertRefresh(h, Secrets.sha256Hex(refresh),
                    new RefreshGrant(userId, projectId, now + REFRESH_TTL.toMillis()), now);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("access_token", tokens.issue(userId, projectId));
        out.put("token_type", "Bearer");
        out.put("expires_in", tokens.ttl().toSeconds());
        out.put("refresh_token", refresh);
        out.put("project_id", projectId);
        return out;
    }

    /** Bearer token to principal; the user must still exist and be active. */
    public Principal authenticate(String bearer) {
        TokenService.Claims claims = tokens.verify(bearer);
        return db.read(h -> {
            IamUser user = repo.findUser(h, claims.userId()).filter(IamUser::active)
                    .orElseThrow(() -> new ApiError.Unauthenticated("user no longer exists or is disabled"));
            return new Principal(user.uuid(), user.name(), user.admin(), claims.projectId(),
                    repo.rolesOf(h, user.uuid()), claims.tokenId());
        });
    }
}
