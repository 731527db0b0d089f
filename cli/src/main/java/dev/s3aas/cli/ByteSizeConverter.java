package dev.s3aas.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A byte count as a whole number with an optional binary unit: {@code 0}, {@code 65536}, {@code 512KiB}, {@code 32MiB}, {@code 1GiB}. */
final class ByteSizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        return parse(value);
    }

    static long parse(String value) {
        String v = value.trim();
        int unit = 0;
        while (unit < v.length() && Character.isDigit(v.charAt(unit))) {
            unit++;
        }
        if (unit == 0 || unit > 15) {
            throw new TypeConversionException("not a byte size (e.g. 0, 65536, 512KiB, 32MiB, 1GiB): " + value);
        }
        long n = Long.parseLong(v.substring(0, unit));
        int shift = switch (v.substring(unit)) {
            case "", "B" -> 0;
            case "KiB" -> 10;
            case "MiB" -> 20;
            case "GiB" -> 30;
            default -> throw new TypeConversionException("not a byte size (units: B, KiB, MiB, GiB): " + value);
        };
        return n << shift;
    }
}
