package dev.s3aas.controlplane.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which client request ids are kept, and how chains are written and read. */
class RequestIdTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "abc-123", "A.b_c-D", "0123456789abcdef0123456789abcdef",
            "f81d4fae-7dec-11d0-a765-00a0c91e6bf6"})
    void saneIdsAreKept(String id) {
        assertThat(RequestId.parse(id)).contains(new RequestId(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "has space", "semi;colon", "new\nline", "quote\"", "comma,list", "ünï", "a/b",
            "${jndi:ldap://x}"})
    void insaneIdsAreReplaced(String id) {
        assertThat(RequestId.parse(id)).isEmpty();
        assertThatThrownBy(() -> new RequestId(id)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lengthLimitIs128() {
        assertThat(RequestId.parse("x".repeat(128))).isPresent();
        assertThat(RequestId.parse("x".repeat(129))).isEmpty();
        assertThat(RequestId.parse(null)).isEmpty();
    }

    @Test
    void generatedIdsAreSaneAndDistinct() {
        assertThat(RequestId.generate()).isNotEqualTo(RequestId.generate());
        assertThat(RequestId.parse(RequestId.generate().value())).isPresent();
    }

    @Test
    void chainsRoundTripAndDropInsaneOrSurplusIds() {
        List<RequestId> chain = List.of(new RequestId("a"), new RequestId("b-2"));
        assertThat(RequestId.join(chain)).isEqualTo("a,b-2");
        assertThat(RequestId.parseChain("a, b-2")).isEqualTo(chain);
        assertThat(RequestId.parseChain("a,bad id,b-2")).isEqualTo(chain);
        assertThat(RequestId.parseChain("x,".repeat(40))).hasSize(RequestId.MAX_CHAIN);
        assertThat(RequestId.parseChain(null)).isEmpty();
    }
}
