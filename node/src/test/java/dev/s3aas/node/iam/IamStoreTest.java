package dev.s3aas.node.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3aas.common.policy.CannedPolicies;
import dev.s3aas.node.auth.Grants;
import dev.s3aas.node.auth.Identity;
import dev.s3aas.node.auth.RootCredentials;
import dev.s3aas.node.storage.RocksObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IamStore over a real metadata store: lookups, changes, refusals, and reloading. */
class IamStoreTest {
    static final RootCredentials ROOT = new RootCredentials("root-key", "root-secret");
    static final String GET_ONLY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    @TempDir
    Path dir;
    RocksObjectStore store;
    IamStore iam;

    @BeforeEach
    void open() throws Exception {
        store = RocksObjectStore.open(dir);
        iam = IamStore.open(store.metadataTable("iam"), ROOT, Clock.systemUTC(),
                new SecretSeal(store.masterSubkey(SecretSeal.LABEL)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static IamError error(ThrowingCall call) {
        try {
            call.run();
        } catch (IamException e) {
            return e.error();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("not refused");
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void rootIsKnownWithoutBeingAUser() {
        assertThat(iam.secretFor("root-key")).contains("root-secret");
        assertThat(iam.identify("root-key")).isEqualTo(new Identity.Root("root-key"));
        assertThat(iam.policiesOf("root-key")).isEmpty();
        assertThat(iam.users()).isEmpty();
    }

    @Test
    void createUpdateDisableAndRemove() throws Exception {
        IamUser u = iam.putUser("alice", "alice-secret", null, null);
        assertThat(u.status()).isEqualTo(UserStatus.ENABLED);
        assertThat(u.policies()).isEmpty();
        assertThat(iam.secretFor("alice")).contains("alice-secret");
        assertThat(iam.identify("alice")).isEqualTo(new Identity.User("alice", "alice"));
        assertThat(iam.policiesOf("alice")).contains(Grants.of(List.of()));

        iam.putUser("alice", null, null, List.of("readonly", "readonly", "writeonly"));
        assertThat(iam.user("alice").orElseThrow().policies()).containsExactly("readonly", "writeonly");
        assertThat(iam.secretFor("alice")).contains("alice-secret");
        assertThat(iam.policiesOf("alice").orElseThrow().identity())
                .containsExactly(CannedPolicies.readonly(), CannedPolicies.writeonly());

        iam.setStatus("alice", UserStatus.DISABLED);
        assertThat(iam.secretFor("alice")).isEmpty();
        assertThat(iam.policiesOf("alice")).isEmpty();
        iam.setStatus("alice", UserStatus.ENABLED);
        assertThat(iam.secretFor("alice")).contains("alice-secret");

        iam.removeUser("alice");
        assertThat(iam.secretFor("alice")).isEmpty();
        assertThat(iam.policiesOf("alice")).isEmpty();
        assertThat(error(() -> iam.removeUser("alice"))).isEqualTo(IamError.NO_SUCH_USER);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "ab | long-enough-secret",
        "has space | long-enough-secret",
        "a/b/c | long-enough-secret",
        "key=value | long-enough-secret",
        "a,b,c | long-enough-secret",
        "root-key | long-enough-secret",
        "good-key | short",
        "good-key | NULL"})
    void invalidUsersAreRefused(String accessKey, String secret) {
        assertThat(error(() -> iam.putUser(accessKey, secret, null, null))).isEqualTo(IamError.INVALID_ARGUMENT);
        assertThat(iam.users()).isEmpty();
    }

    @Test
    void attachAndDetachReportWhatChanged() throws Exception {
        iam.putUser("bob", "bob-secret-1", null, List.of("readonly"));
        assertThat(iam.attach("bob", List.of("readonly", "writeonly"))).containsExactly("writeonly");
        assertThat(error(() -> iam.attach("bob", List.of("readonly")))).isEqualTo(IamError.POLICY_CHANGE_ALREADY_APPLIED);
        assertThat(error(() -> iam.attach("bob", List.of("missing")))).isEqualTo(IamError.NO_SUCH_POLICY);
        assertThat(iam.detach("bob", List.of("readonly", "diagnostics"))).containsExactly("readonly");
        assertThat(error(() -> iam.detach("bob", List.of("readonly")))).isEqualTo(IamError.POLICY_CHANGE_ALREADY_APPLIED);
        assertThat(iam.user("bob").orElseThrow().policies()).containsExactly("writeonly");
        assertThat(error(() -> iam.attach("nobody", List.of("readonly")))).isEqualTo(IamError.NO_SUCH_USER);
    }

    @Test
    void customPoliciesAreValidatedProtectedAndLive() throws Exception {
        assertThat(error(() -> iam.putPolicy("bad", "{}"))).isEqualTo(IamError.MALFORMED_POLICY);
        assertThatThrownBy(() -> iam.putPolicy("bad", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}"))
                .isInstanceOf(IamException.class).hasMessageContaining("Principal");
        assertThat(error(() -> iam.putPolicy("readwrite", GET_ONLY))).isEqualTo(IamError.CANNED_POLICY_READ_ONLY);
        assertThat(error(() -> iam.removePolicy("readwrite"))).isEqualTo(IamError.CANNED_POLICY_READ_ONLY);
        assertThat(error(() -> iam.putPolicy("a,b", GET_ONLY))).isEqualTo(IamError.INVALID_ARGUMENT);
        assertThat(error(() -> iam.removePolicy("missing"))).isEqualTo(IamError.NO_SUCH_POLICY);

        PolicyInfo p = iam.putPolicy("get-only", GET_ONLY);
        iam.putUser("carol", "carol-secret", null, List.of("get-only"));
        assertThat(iam.policiesOf("carol").orElseThrow().identity()).containsExactly(p.document());
        String putOnly = GET_ONLY.replace("s3:GetObject", "s3:PutObject");
        PolicyInfo replaced = iam.putPolicy("get-only", putOnly);
        assertThat(replaced.created()).isEqualTo(p.created());
        assertThat(iam.policiesOf("carol").orElseThrow().identity()).singleElement()
                .satisfies(d -> assertThat(d.json()).contains("s3:PutObject"));
        assertThat(error(() -> iam.removePolicy("get-only"))).isEqualTo(IamError.POLICY_IN_USE);
        iam.setPolicies("carol", List.of());
        iam.removePolicy("get-only");
        assertThat(iam.policy("get-only")).isEmpty();
        assertThat(iam.policies()).extracting(PolicyInfo::name)
                .containsExactly("readwrite", "readonly", "writeonly", "diagnostics", "consoleAdmin");
    }

    @Test
    void stateIsReloadedFromTheMetadataStore() throws Exception {
        iam.putPolicy("get-only", GET_ONLY);
        iam.putUser("dave", "dave-secret", UserStatus.DISABLED, List.of("get-only", "readonly"));
        iam.putUser("erin", "erin-secret", null, List.of("readwrite"));
        iam.putUser("gone", "gone-secret", null, null);
        iam.removeUser("gone");
        store.close();
        store = RocksObjectStore.open(dir);
        IamStore reloaded = IamStore.open(store.metadataTable("iam"), ROOT, Clock.systemUTC(),
                new SecretSeal(store.masterSubkey(SecretSeal.LABEL)));
        assertThat(reloaded.users()).extracting(IamUser::accessKey).containsExactly("dave", "erin");
        IamUser dave = reloaded.user("dave").orElseThrow();
        assertThat(dave.status()).isEqualTo(UserStatus.DISABLED);
        assertThat(dave.policies()).containsExactly("get-only", "readonly");
        assertThat(dave.secretKey()).isEqualTo("dave-secret");
        assertThat(reloaded.secretFor("erin")).contains("erin-secret");
        assertThat(reloaded.policy("get-only").orElseThrow().json()).isEqualTo(GET_ONLY);
        // Another namespace of the same column family does not see IAM's records.
        assertThat(store.metadataTable("node").scan("")).isEmpty();
    }
}
