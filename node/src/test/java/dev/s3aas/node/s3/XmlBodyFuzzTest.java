package dev.s3aas.node.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Fuzz target for the node's request documents: {@link XmlBody#parse} and the document readers
 * behind it (the first input byte picks one: CORS, lifecycle, tagging, ACL, website, or the bare
 * tree as used by CompleteMultipartUpload, DeleteObjects, versioning, object lock…). Contract:
 * a document or {@link S3Exception} (a 4xx); nothing else escapes. Property: a document whose
 * prolog carries a DOCTYPE (hence any entity declaration, internal or external: XXE) is refused
 * with MalformedXML. Seeds in {@code XmlBodyFuzzTestInputs/parse/}: real S3 request documents and
 * an XXE attempt.
 */
class XmlBodyFuzzTest {
    private static final Pattern DOCTYPE_PROLOG = Pattern.compile(
            "^\\s*(<\\?xml[^>]*\\?>)?\\s*<!DOCTYPE", Pattern.CASE_INSENSITIVE);

    @FuzzTest(maxDuration = "5s")
    void parse(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int reader = (input[0] & 0xff) % 6;
        byte[] xml = Arrays.copyOfRange(input, 1, input.length);
        boolean doctype = DOCTYPE_PROLOG.matcher(new String(xml, StandardCharsets.UTF_8)).find();
        try {
            XmlBody.Node doc = XmlBody.parse(xml);
            switch (reader) {
                case 0 -> CorsRules.fromDocument(doc);
                case 1 -> LifecycleXml.parse(doc);
                case 2 -> Tagging.fromDocument(doc, 10);
                case 3 -> Acls.fromDocument(doc, "owner-id");
                case 4 -> PutBucketWebsite.parse(doc);
                default -> assertThat(doc.name()).isNotNull();
            }
            if (doctype) {
                fail("accepted a document with a DOCTYPE: %s", new String(xml, StandardCharsets.UTF_8));
            }
        } catch (S3Exception e) {
            if (doctype) {
                assertThat(e.code()).isEqualTo(S3ErrorCode.MalformedXML);
            }
        }
    }
}
