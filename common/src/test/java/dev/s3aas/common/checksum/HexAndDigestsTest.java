package dev.s3aas.common.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HexAndDigestsTest {

    @Test
    void encodesLowerCaseLikeTheJdk() {
        byte[] data = new byte[256];
        new Random(5).nextBytes(data);
        assertThat(Hex.encode(data)).isEqualTo(HexFormat.of().formatHex(data));
        assertThat(Hex.encode(data, 10, 3)).isEqualTo(HexFormat.of().formatHex(data, 10, 13));
        StringBuilder out = new StringBuilder("x");
        Hex.appendTo(out, new byte[] {(byte) 0xAB, 0x01});
        assertThat(out).hasToString("xab01");
    }

    @Test
    void decodes() {
        assertThat(Hex.decode("00ffAb")).containsExactly(0, 0xFF, 0xAB);
        assertThat(Hex.decodeLowerCase("00ffab")).containsExactly(0, 0xFF, 0xAB);
        assertThat(Hex.decodeLowerCase("00FFab")).isNull();
        assertThat(Hex.decodeLowerCase("abc")).isNull();
        assertThat(Hex.decodeLowerCase("zz")).isNull();
        assertThat(Hex.decodeLowerCase("\u0660\u0661")).isNull();
        assertThatThrownBy(() -> Hex.decode("0g")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Hex.isLowerHex("0a", 2)).isTrue();
        assertThat(Hex.isLowerHex("0A", 2)).isFalse();
        assertThat(Hex.isHex("0A", 2)).isTrue();
        assertThat(Hex.isHex("0A", 3)).isFalse();
    }

    @Test
    void digestsOfKnownInputs() {
        assertThat(Digests.md5Hex(new byte[0])).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(Digests.md5Hex("abc".getBytes())).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(Digests.sha256Hex(new byte[0])).isEqualTo(Digests.EMPTY_SHA256_HEX);
        assertThat(Hex.encode(Digests.sha1().digest("abc".getBytes())))
                .isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(Digests.sha256()).isNotSameAs(Digests.sha256());
    }
}
