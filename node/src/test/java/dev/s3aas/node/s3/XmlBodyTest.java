package dev.s3aas.node.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request documents: what follows the root element, and the refusals XmlBody promises. */
class XmlBodyTest {
    private static final String DELETE = "<Delete><Object><Key>a</Key></Object></Delete>";

    @ParameterizedTest
    @ValueSource(strings = {"", "\n  \n", "<!-- trailing comment -->", "<?pi data?>\n"})
    void whiteSpaceCommentsAndInstructionsMayFollowTheRoot(String tail) throws S3Exception {
        XmlBody.Node root = XmlBody.parse((DELETE + tail).getBytes(StandardCharsets.UTF_8));
        assertThat(root.name()).isEqualTo("Delete");
        assertThat(root.child("Object").childText("Key")).isEqualTo("a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<Delete><Object><Key>b</Key></Object></Delete>", "junk", "<Object/>", "&amp;",
            "<![CDATA[x]]>"})
    void anythingElseAfterTheRootIsMalformed(String tail) {
        assertThatThrownBy(() -> XmlBody.parse((DELETE + tail).getBytes(StandardCharsets.UTF_8))).as(tail)
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo(S3ErrorCode.MalformedXML));
    }

    @Test
    void doctypeIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Delete>&x;</Delete>";
        assertThatThrownBy(() -> XmlBody.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo(S3ErrorCode.MalformedXML));
    }
}
