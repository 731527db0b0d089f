package dev.s3aas.controlplane.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The route table's own checks. */
class RouterTest {
    private static Route post(boolean authenticated) {
        return new Route("POST", "/v1/things", "Create a thing", "admin", Route.Shape.CREATE, null, null, authenticated,
                r -> ApiResponse.noContent());
    }

    @Test
    void anAuthenticatedPostNeedsAGuardBecauseIdempotentReplaysSkipTheEndpoint() {
        assertThatThrownBy(() -> new Router(List.of(post(true))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a guard");
        assertThat(new Router(List.of(post(true).guardedBy(r -> { }))).routes()).hasSize(1);
        assertThat(new Router(List.of(post(false))).routes()).hasSize(1);
    }
}
