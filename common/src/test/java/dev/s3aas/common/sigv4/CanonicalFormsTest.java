package dev.s3aas.common.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Canonical URI, query and header values (UriEncode() and Trim() of the SigV4 spec). */
class CanonicalFormsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/ | /",
        "'' | /",
        "/bucket/key.txt | /bucket/key.txt",
        "/test$file.text | /test%24file.text",
        "/test%24file.text | /test%24file.text",
        "/a b | /a%20b",
        "/a%20b | /a%20b",
        "/a+b | /a%2Bb",
        "/a%2Bb | /a%2Bb",
        "/a%2fb/c | /a/b/c",
        "/%7e~%41 | /~~A",
        "/ключ | /%D0%BA%D0%BB%D1%8E%D1%87",
        "/%FF%FE | /%FF%FE",
        "/100% | /100%25",
        "/%zz | /%25zz",
        "//a//b/../. | //a//b/../.",
        "/a/./b | /a/./b"})
    void s3PathsAreReEncodedNotNormalized(String raw, String canonical) {
        assertThat(UriEncoding.canonicalUri(raw, false)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "//a//b/../. | /a/",
        "/a/./b | /a/b",
        "/a/b/.. | /a/",
        "/../.. | /",
        "/%2E%2E/a | /a",
        "/a b/ | /a%20b/"})
    void otherServicesNormalize(String raw, String canonical) {
        assertThat(UriEncoding.canonicalUri(raw, true)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "'' | ''",
        "b=2&a=1 | a=1&b=2",
        "a=2&a=1&a=10 | a=1&a=10&a=2",
        "Param-3=x&Param=y | Param=y&Param-3=x",
        "acl | acl=",
        "acl= | acl=",
        "a&&b | a=&b=",
        "prefix=a+b | prefix=a%20b",
        "prefix=a%2Bb | prefix=a%2Bb",
        "prefix=a%20b | prefix=a%20b",
        "k=%7e%2f | k=~%2F",
        "list-type=2&prefix=photos%2F2013%2F | list-type=2&prefix=photos%2F2013%2F",
        "x=a=b | x=a%3Db",
        "%E1%88%B4=v | %E1%88%B4=v"})
    void queriesAreDecodedReEncodedAndSorted(String raw, String canonical) {
        assertThat(Canonical.query(QueryParameters.parse(raw), Set.of())).isEqualTo(canonical);
    }

    @Test
    void theSignatureParameterIsLeftOut() {
        assertThat(Canonical.query(QueryParameters.parse("b=1&X-Amz-Signature=abc&a=2"),
                Set.of("X-Amz-Signature"))).isEqualTo("a=2&b=1");
    }

    @Test
    void queryParametersDecodeForTheServer() {
        QueryParameters parameters = QueryParameters.parse("prefix=a+b%2Bc&delimiter=%2F&acl");
        assertThat(parameters.first("prefix")).isEqualTo("a b+c");
        assertThat(parameters.first("delimiter")).isEqualTo("/");
        assertThat(parameters.first("acl")).isEmpty();
        assertThat(parameters.first("missing")).isNull();
        assertThat(parameters.all()).hasSize(3);
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "value | value",
        "'  value  ' | value",
        "'a   b   c' | a b c",
        "'\"a   b   c\"' | '\"a b c\"'",
        "'a\tb' | a b",
        "'' | ''"})
    void headerValuesAreTrimmedAndSpacesCollapsed(String value, String canonical) {
        StringBuilder out = new StringBuilder();
        Canonical.appendTrimmed(out, value);
        assertThat(out.toString()).isEqualTo(canonical);
    }

    @Test
    void repeatedHeadersAreJoinedByCommasInReceivedOrder() {
        RequestView request = RequestView.of("GET", "/", null, List.of(
                Map.entry("Host", "h"), Map.entry("X-A", " 2 "), Map.entry("x-a", "1")));
        String canonical = Canonical.request("GET", "/", "", request, List.of("host", "x-a"),
                "host;x-a", "UNSIGNED-PAYLOAD");
        assertThat(canonical).isEqualTo("GET\n/\n\nhost:h\nx-a:2,1\n\nhost;x-a\nUNSIGNED-PAYLOAD");
    }

    @Test
    void isoDatesRoundTrip() {
        assertThat(AmzDate.parseIsoBasic("20130524T000000Z")).isEqualTo(1_369_353_600L);
        assertThat(AmzDate.formatIsoBasic(1_369_353_600L)).isEqualTo("20130524T000000Z");
        assertThat(AmzDate.parseIsoBasic("20130230T000000Z")).isEqualTo(AmzDate.INVALID);
        assertThat(AmzDate.parseIsoBasic("20130524T240000Z")).isEqualTo(AmzDate.INVALID);
        assertThat(AmzDate.parseIsoBasic("2013-05-24T00:00:00Z")).isEqualTo(AmzDate.INVALID);
        assertThat(AmzDate.parseHttpDate("Fri, 24 May 2013 00:00:00 GMT"))
                .isEqualTo(1_369_353_600L);
    }
}
