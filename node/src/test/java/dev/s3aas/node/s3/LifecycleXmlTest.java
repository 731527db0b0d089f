package dev.s3aas.node.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3aas.node.storage.LifecycleConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lifecycle document parser, table style: one rule body per row (wrapped in LifecycleConfiguration/Rule) and
 * what S3 answers for it, from the API reference (LifecycleRule, LifecycleRuleFilter, LifecycleExpiration,
 * NoncurrentVersionExpiration, AbortIncompleteMultipartUpload) and "Lifecycle configuration elements".
 */
class LifecycleXmlTest {
    static LifecycleConfiguration parse(String ruleBody) throws S3Exception {
        String doc = "<LifecycleConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule>" + ruleBody
                + "</Rule></LifecycleConfiguration>";
        return LifecycleXml.parse(XmlBody.parse(doc.getBytes(StandardCharsets.UTF_8)));
    }

    static String ok(String filterAndActions) {
        return "<ID>r</ID><Status>Enabled</Status>" + filterAndActions;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        days                  | <Filter><Prefix>logs/</Prefix></Filter><Expiration><Days>30</Days></Expiration>
        empty filter          | <Filter></Filter><Expiration><Days>1</Days></Expiration>
        legacy prefix         | <Prefix>old/</Prefix><Expiration><Days>1</Days></Expiration>
        one tag               | <Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter><Expiration><Days>1</Days></Expiration>
        tag without value     | <Filter><Tag><Key>k</Key></Tag></Filter><Expiration><Days>1</Days></Expiration>
        size only             | <Filter><ObjectSizeLessThan>10</ObjectSizeLessThan></Filter><Expiration><Days>1</Days></Expiration>
        and                   | <Filter><And><Prefix>p/</Prefix><Tag><Key>a</Key><Value>1</Value></Tag><Tag><Key>b</Key><Value>2</Value></Tag><ObjectSizeGreaterThan>1</ObjectSizeGreaterThan></And></Filter><Expiration><Days>1</Days></Expiration>
        date Z                | <Filter/><Expiration><Date>2030-01-01T00:00:00Z</Date></Expiration>
        date millis           | <Filter/><Expiration><Date>2030-01-01T00:00:00.000Z</Date></Expiration>
        date offset           | <Filter/><Expiration><Date>2030-01-01T00:00:00+00:00</Date></Expiration>
        date only             | <Filter/><Expiration><Date>2030-01-01</Date></Expiration>
        marker                | <Filter/><Expiration><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration>
        marker false + days   | <Filter/><Expiration><Days>2</Days><ExpiredObjectDeleteMarker>false</ExpiredObjectDeleteMarker></Expiration>
        noncurrent            | <Filter/><NoncurrentVersionExpiration><NoncurrentDays>3</NoncurrentDays><NewerNoncurrentVersions>100</NewerNoncurrentVersions></NoncurrentVersionExpiration>
        abort                 | <Filter><Prefix>up/</Prefix></Filter><AbortIncompleteMultipartUpload><DaysAfterInitiation>7</DaysAfterInitiation></AbortIncompleteMultipartUpload>
        """)
    void accepted(String name, String body) throws Exception {
        LifecycleConfiguration c = parse(ok(body));
        String again = new String(LifecycleXml.document(c).toBytes(), StandardCharsets.UTF_8);
        assertThat(LifecycleXml.parse(XmlBody.parse(again.getBytes(StandardCharsets.UTF_8)))).as(again).isEqualTo(c);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        no filter nor prefix  | MalformedXML       | <ID>r</ID><Status>Enabled</Status><Expiration><Days>1</Days></Expiration>
        filter and prefix     | MalformedXML       | <ID>r</ID><Status>Enabled</Status><Prefix/><Filter/><Expiration><Days>1</Days></Expiration>
        lower-case status     | MalformedXML       | <ID>r</ID><Status>enabled</Status><Filter/><Expiration><Days>1</Days></Expiration>
        no status             | MalformedXML       | <ID>r</ID><Filter/><Expiration><Days>1</Days></Expiration>
        unknown element       | MalformedXML       | <ID>r</ID><Status>Enabled</Status><Filter/><Expire><Days>1</Days></Expire>
        two predicates        | MalformedXML       | <ID>r</ID><Status>Enabled</Status><Filter><Prefix>a</Prefix><Tag><Key>k</Key></Tag></Filter><Expiration><Days>1</Days></Expiration>
        empty and             | MalformedXML       | <ID>r</ID><Status>Enabled</Status><Filter><And/></Filter><Expiration><Days>1</Days></Expiration>
        duplicate expiration  | MalformedXML       | <ID>r</ID><Status>Enabled</Status><Filter/><Expiration><Days>1</Days></Expiration><Expiration><Days>2</Days></Expiration>
        marker not boolean    | MalformedXML       | <ID>r</ID><Status>Enabled</Status><Filter/><Expiration><ExpiredObjectDeleteMarker>yes</ExpiredObjectDeleteMarker></Expiration>
        no action             | InvalidRequest     | <ID>r</ID><Status>Enabled</Status><Filter/>
        marker with tags      | InvalidRequest     | <ID>r</ID><Status>Enabled</Status><Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter><Expiration><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration>
        abort with size       | InvalidRequest     | <ID>r</ID><Status>Enabled</Status><Filter><ObjectSizeGreaterThan>5</ObjectSizeGreaterThan></Filter><AbortIncompleteMultipartUpload><DaysAfterInitiation>1</DaysAfterInitiation></AbortIncompleteMultipartUpload>
        duplicate tag keys    | InvalidRequest     | <ID>r</ID><Status>Enabled</Status><Filter><And><Tag><Key>k</Key><Value>1</Value></Tag><Tag><Key>k</Key><Value>2</Value></Tag></And></Filter><Expiration><Days>1</Days></Expiration>
        zero days             | InvalidArgument    | <ID>r</ID><Status>Enabled</Status><Filter/><Expiration><Days>0</Days></Expiration>
        days not a number     | InvalidArgument    | <ID>r</ID><Status>Enabled</Status><Filter/><Expiration><Days>many</Days></Expiration>
        days and date         | InvalidArgument    | <ID>r</ID><Status>Enabled</Status><Filter/><Expiration><Days>1</Days><Date>2030-01-01T00:00:00Z</Date></Expiration>
        empty expiration      | InvalidArgument    | <ID>r</ID><Status>Enabled</Status><Filter/><Expiration></Expiration>
        date not midnight     | InvalidArgument    | <ID>r</ID><Status>Enabled</Status><Filter/><Expiration><Date>2030-01-01T00:00:01Z</Date></Expiration>
        midnight elsewhere    | InvalidArgument    | <ID>r</ID><Status>Enabled</Status><Filter/><Expiration><Date>2030-01-01T00:00:00+01:00</Date></Expiration>
        not a date            | InvalidArgument    | <ID>r</ID><Status>Enabled</Status><Filter/><Expiration><Date>tomorrow</Date></Expiration>
        no noncurrent days    | InvalidArgument    | <ID>r</ID><Status>Enabled</Status><Filter/><NoncurrentVersionExpiration><NewerNoncurrentVersions>2</NewerNoncurrentVersions></NoncurrentVersionExpiration>
        101 newer versions    | InvalidArgument    | <ID>r</ID><Status>Enabled</Status><Filter/><NoncurrentVersionExpiration><NoncurrentDays>1</NoncurrentDays><NewerNoncurrentVersions>101</NewerNoncurrentVersions></NoncurrentVersionExpiration>
        negative size         | InvalidArgument    | <ID>r</ID><Status>Enabled</Status><Filter><ObjectSizeGreaterThan>-1</ObjectSizeGreaterThan></Filter><Expiration><Days>1</Days></Expiration>
        long id               | InvalidArgument    | <ID>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</ID><Status>Enabled</Status><Filter/><Expiration><Days>1</Days></Expiration>
        transition            | InvalidStorageClass | <ID>r</ID><Status>Enabled</Status><Filter/><Transition><Days>1</Days><StorageClass>STANDARD_IA</StorageClass></Transition>
        transition standard   | InvalidStorageClass | <ID>r</ID><Status>Enabled</Status><Filter/><Transition><Days>1</Days><StorageClass>STANDARD</StorageClass></Transition><Expiration><Days>9</Days></Expiration>
        noncurrent transition | InvalidStorageClass | <ID>r</ID><Status>Enabled</Status><Filter/><NoncurrentVersionTransition><NoncurrentDays>1</NoncurrentDays><StorageClass>GLACIER</StorageClass></NoncurrentVersionTransition>
        """)
    void refused(String name, S3ErrorCode code, String body) {
        assertThatThrownBy(() -> parse(body)).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }

    @org.junit.jupiter.api.Test
    void aDocumentWithADoctypeIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<LifecycleConfiguration><Rule><ID>&e;</ID><Status>Enabled</Status><Filter/>"
                + "<Expiration><Days>1</Days></Expiration></Rule></LifecycleConfiguration>";
        assertThatThrownBy(() -> LifecycleXml.parse(XmlBody.parse(xxe.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo(S3ErrorCode.MalformedXML));
    }

    @org.junit.jupiter.api.Test
    void datesAreMidnightUtcAndRenderedInIso8601() throws Exception {
        LifecycleConfiguration c = parse(ok("<Filter/><Expiration><Date>2030-01-01</Date></Expiration>"));
        assertThat(c.rules().get(0).expiration().dateMillis()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z").toEpochMilli());
        assertThat(new String(LifecycleXml.document(c).toBytes(), StandardCharsets.UTF_8))
                .contains("<Date>2030-01-01T00:00:00.000Z</Date>");
    }
}
