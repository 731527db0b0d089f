package dev.s3aas.common.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The wildcard matcher, CIDR parsing and the condition context on their own. */
class MatchingPrimitivesTest {

    @ParameterizedTest(name = "\"{0}\" ~ \"{1}\": {2}")
    @CsvSource(delimiter = '|', value = {
            "*|''|true", "''|''|true", "''|a|false", "a|a|true", "a|A|false", "?|a|true", "?|''|false",
            "??|a|false", "*a|bbba|true", "*a|bbbab|false", "a*b*c|axxbyyc|true", "a*b*c|axxbyy|false",
            "a**b|ab|true", "*/*|a/b/c|true", "a?c*|abcdef|true", "*.jpg|x.jpg.png|false",
            "a*a*a*a*b|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|false"})
    void globMatchesCaseSensitively(String pattern, String text, boolean expected) {
        assertThat(Glob.matches(Glob.compile(pattern), text, false)).isEqualTo(expected);
    }

    @Test
    void globCanIgnoreCase() {
        assertThat(Glob.matches(Glob.compile("S3:get*"), "s3:GetObject", true)).isTrue();
        assertThat(Glob.matches(Glob.compile("S3:get*"), "s3:GetObject", false)).isFalse();
    }

    static Stream<Arguments> ranges() {
        return Stream.of(
                arguments("10.0.0.0/8", "10.255.255.255", true),
                arguments("10.0.0.0/8", "11.0.0.0", false),
                arguments("10.1.2.3/8", "10.9.9.9", true),
                arguments("192.0.2.128/25", "192.0.2.127", false),
                arguments("192.0.2.128/25", "192.0.2.200", true),
                arguments("0.0.0.0/0", "1.2.3.4", true),
                arguments("0.0.0.0/0", "::1", false),
                arguments("1.2.3.4", "1.2.3.4", true),
                arguments("2001:db8::/32", "2001:0db8:ffff::1", true),
                arguments("2001:db8::/32", "2001:0db9::1", false),
                arguments("2001:db8:1234:5678::/63", "2001:db8:1234:5679::1", true),
                arguments("::/0", "fe80::1", true),
                arguments("::/0", "10.0.0.1", false),
                arguments("192.0.2.0/24", "::ffff:192.0.2.9", true),
                arguments("192.0.2.0/24", "::ffff:c000:0209", true));
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @MethodSource("ranges")
    void cidrRangesContainAddresses(String cidr, String address, boolean expected) throws Exception {
        byte[] a = IpRange.parseAddress(address);
        assertThat(a).isNotNull();
        assertThat(IpRange.parse(cidr).contains(a)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1.2.3", "1.2.3.4.5", "256.1.1.1", "01234.1.1.1", "a.b.c.d", "1.2.3.4/", "1.2.3.4/x",
            "1.2.3.4/33", "::1/129", "1::2::3", "fe80::1%eth0", "localhost", "''", "1.2.3.4/-1"})
    void rejectsMalformedAddresses(String text) {
        assertThatThrownBy(() -> IpRange.parse(text)).isInstanceOf(MalformedPolicyException.class);
    }

    @Test
    void conditionContextKeysAreCaseInsensitiveExceptTagKeys() {
        ConditionContext c = ConditionContext.builder()
                .put("AWS:SourceIp", "1.2.3.4")
                .put("s3:ExistingObjectTag/Project", "x")
                .add("aws:TagKeys", "a").add("AWS:TAGKEYS", "b")
                .put("s3:prefix", List.of())
                .build();
        assertThat(c.get("aws:sourceip")).containsExactly("1.2.3.4");
        assertThat(c.get("S3:EXISTINGOBJECTTAG/Project")).containsExactly("x");
        assertThat(c.get("s3:ExistingObjectTag/project")).isEmpty();
        assertThat(c.get("aws:TagKeys")).containsExactly("a", "b");
        assertThat(c.get("s3:prefix")).isEmpty();
        assertThat(ConditionContext.builder().build()).isSameAs(ConditionContext.empty());
    }
}
