package dev.s3aas.common.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4): what a scraper sees. Every sample line
 * must parse and belong to a family declared by a preceding {@code # TYPE} line; anything else is an error, so a
 * test that reads our {@code /metrics} through it checks the format as well as the values.
 */
public final class PrometheusText {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)})? (\\S+)( -?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,?");

    /** One sample: metric name, labels, value. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    private final Map<String, String> types;
    private final List<Sample> samples;

    private PrometheusText(Map<String, String> types, List<Sample> samples) {
        this.types = types;
        this.samples = samples;
    }

    /** @throws IllegalArgumentException naming the first line that is not valid exposition */
    public static PrometheusText parse(String text) {
        Map<String, String> types = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\n")) {
            n++;
            if (line.isEmpty() || line.startsWith("# HELP ")) {
                continue;
            }
            Matcher t = TYPE.matcher(line);
            if (t.matches()) {
                if (types.put(t.group(1), t.group(2)) != null) {
                    throw new IllegalArgumentException("line " + n + ": family declared twice: " + t.group(1));
                }
                continue;
            }
            Matcher s = SAMPLE.matcher(line);
            if (!s.matches()) {
                throw new IllegalArgumentException("line " + n + ": not a sample: " + line);
            }
            String name = s.group(1);
            if (family(name, types) == null) {
                throw new IllegalArgumentException("line " + n + ": sample of an undeclared family: " + line);
            }
            samples.add(new Sample(name, labels(s.group(3), n), value(s.group(4), n)));
        }
        return new PrometheusText(types, samples);
    }

    private static String family(String sample, Map<String, String> types) {
        if (types.containsKey(sample)) {
            return sample;
        }
        for (String suffix : List.of("_bucket", "_count", "_sum", "_total", "_created")) {
            if (sample.endsWith(suffix) && types.containsKey(sample.substring(0, sample.length() - suffix.length()))) {
                return sample.substring(0, sample.length() - suffix.length());
            }
        }
        return null;
    }

    private static Map<String, String> labels(String body, int line) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return out;
        }
        Matcher m = LABEL.matcher(body);
        int end = 0;
        while (m.find() && m.start() == end) {
            out.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
            end = m.end();
        }
        if (end != body.length()) {
            throw new IllegalArgumentException("line " + line + ": bad labels: " + body);
        }
        return out;
    }

    private static double value(String v, int line) {
        return switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + line + ": bad value: " + v);
                }
            }
        };
    }

    /** The declared type of a family ("counter", "histogram", ...), if declared. */
    public Optional<String> type(String family) {
        return Optional.ofNullable(types.get(family));
    }

    public List<Sample> samples() {
        return samples;
    }

    /** Samples named {@code name} whose labels include all of {@code labels}. */
    public List<Sample> find(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name)
                && s.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    /** The sum of the values of {@link #find}; 0 if none. */
    public double sum(String name, Map<String, String> labels) {
        return find(name, labels).stream().mapToDouble(Sample::value).sum();
    }
}
