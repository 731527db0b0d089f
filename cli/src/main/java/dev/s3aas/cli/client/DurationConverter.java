package dev.s3aas.cli.client;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration as a number with a unit (ms, s, m, h, d) or in ISO 8601 (PT1H). */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        String v = value.trim();
        if (v.startsWith("P") || v.startsWith("p")) {
            try {
                return Duration.parse(v);
            } catch (RuntimeException e) {
                throw new TypeConversionException("not a duration: " + value);
            }
        }
        int unit = 0;
        while (unit < v.length() && Character.isDigit(v.charAt(unit))) {
            unit++;
        }
        if (unit == 0) {
            throw new TypeConversionException("not a duration: " + value);
        }
        long n = Long.parseLong(v.substring(0, unit));
        return switch (v.substring(unit)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new TypeConversionException("not a duration (units: ms, s, m, h, d): " + value);
        };
    }
}
