package dev.s3aas.common.sigv4;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The two date forms of S3 authentication: ISO 8601 basic ({@code 20130524T000000Z}, SigV4's
 * {@code x-amz-date} and timestamps) and RFC 1123 ({@code Date} headers, SigV2). The ISO form is
 * parsed by hand: it is on every request.
 */
final class AmzDate {
    static final long INVALID = Long.MIN_VALUE;

    private AmzDate() {
    }

    /** Epoch seconds of {@code yyyyMMdd'T'HHmmss'Z'}, or {@link #INVALID}. */
    static long parseIsoBasic(String s) {
        if (s == null || s.length() != 16 || s.charAt(8) != 'T' || s.charAt(15) != 'Z') {
            return INVALID;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 4, 6);
        int day = digits(s, 6, 8);
        int hour = digits(s, 9, 11);
        int minute = digits(s, 11, 13);
        int second = digits(s, 13, 15);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59
                || second > 59) {
            return INVALID;
        }
        try {
            return LocalDate.of(year, month, day).toEpochDay() * 86_400L
                    + hour * 3600L + minute * 60L + second;
        } catch (DateTimeException e) {
            return INVALID;
        }
    }

    /** Epoch seconds of an RFC 1123 date ({@code Fri, 24 May 2013 00:00:00 GMT}), or INVALID. */
    static long parseHttpDate(String s) {
        if (s == null) {
            return INVALID;
        }
        try {
            return ZonedDateTime.parse(s.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toEpochSecond();
        } catch (DateTimeParseException e) {
            return INVALID;
        }
    }

    /** {@code yyyyMMdd'T'HHmmss'Z'} of epoch seconds. */
    static String formatIsoBasic(long epochSeconds) {
        long days = Math.floorDiv(epochSeconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSeconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(days);
        char[] out = new char[16];
        put(out, 0, date.getYear(), 4);
        put(out, 4, date.getMonthValue(), 2);
        put(out, 6, date.getDayOfMonth(), 2);
        out[8] = 'T';
        put(out, 9, secondOfDay / 3600, 2);
        put(out, 11, secondOfDay / 60 % 60, 2);
        put(out, 13, secondOfDay % 60, 2);
        out[15] = 'Z';
        return new String(out);
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
