package dev.s3aas.controlplane.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3aas.controlplane.api.ApiError;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ClusterValuesTest {
    @ParameterizedTest
    @ValueSource(strings = {"ftp://h:1", "http://h", "http://h:7480/admin", "http://u:p@h:7480", "http://h:7480?x=1",
            "http://h:7480#f", "h:7480", "not a url", "http://:7480"})
    void badGatewayUrlsAreRefusedNamingTheField(String url) {
        assertThatThrownBy(() -> Cluster.parseGateways(List.of(url)))
                .isInstanceOfSatisfying(ApiError.Invalid.class, e -> assertThat(e.field()).isEqualTo("gateways"));
    }

    @Test
    void gatewayUrlsAreNormalisedAndDistinct() {
        assertThat(Cluster.parseGateways(List.of("http://127.0.0.1:7480/", "https://gw.example:443")))
                .containsExactly(URI.create("http://127.0.0.1:7480"), URI.create("https://gw.example:443"));
        assertThatThrownBy(() -> Cluster.parseGateways(List.of("http://h:1", "http://h:1/")))
                .isInstanceOf(ApiError.Invalid.class);
        assertThatThrownBy(() -> Cluster.parseGateways(List.of())).isInstanceOf(ApiError.Invalid.class);
        assertThat(Cluster.parseUrl("prometheus_url", "http://mgr:9283/metrics", true).getPath()).isEqualTo("/metrics");
    }

    @Test
    void capabilitiesSurviveTheirStoredFormAndUnprobedOnesAreMissing() {
        Capabilities caps = new Capabilities(Map.of(Capability.QUOTA, Capabilities.Support.yes(),
                Capability.ENCRYPTION, Capabilities.Support.no("InvalidArgument")));
        Capabilities back = Capabilities.fromView(caps.view());
        assertThat(back).isEqualTo(caps);
        assertThat(back.supports(Capability.QUOTA)).isTrue();
        assertThat(back.missing(Capability.ENCRYPTION)).contains("InvalidArgument");
        assertThat(back.missing(Capability.VERSIONING)).get().asString().contains("not probed");
        assertThat(Capabilities.fromView(Capabilities.UNKNOWN.view()).probed()).isFalse();
    }
}
