package dev.s3aas.controlplane.ceph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantTest {
    @Test
    void namesInsideTheTenantOfAnInstance() {
        Tenant t = Tenant.of("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(t.name()).isEqualTo("s3aas0f8fad5bd9cb469fa16570867728950e");
        assertThat(t.uid("app")).isEqualTo("s3aas0f8fad5bd9cb469fa16570867728950e$app");
        assertThat(t.ownerUid()).endsWith("$s3aas~root");
        assertThat(t.owns(t.uid("x"))).isTrue();
        assertThat(t.owns(t.name() + "/data-bucket")).isTrue();
        assertThat(t.owns("s3aas0f8fad5bd9cb469fa16570867728950eX$app")).isFalse();
        assertThat(t.owns("other$app")).isFalse();
        assertThat(t.local(t.name() + "/data-bucket")).isEqualTo("data-bucket");
        assertThat(Tenant.ownerAccessKey("0f8fad5b-d9cb-469f-a165-70867728950e")).isEqualTo("0F8FAD5BD9CB469FA165")
                .hasSize(20);
    }
}
