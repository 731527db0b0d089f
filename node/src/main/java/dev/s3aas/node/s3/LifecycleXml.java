package dev.s3aas.node.s3;

import dev.s3aas.node.storage.LifecycleConfiguration;
import dev.s3aas.node.storage.LifecycleConfiguration.Expiration;
import dev.s3aas.node.storage.LifecycleConfiguration.NoncurrentExpiration;
import dev.s3aas.node.storage.LifecycleConfiguration.Rule;
import dev.s3aas.node.storage.LifecycleConfiguration.Status;
import dev.s3aas.node.storage.LifecycleFilter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code <LifecycleConfiguration>} document in and out (S3 PutBucketLifecycleConfiguration,
 * GetBucketLifecycleConfiguration; "Lifecycle configuration elements"). Parsing is strict: an element this node
 * does not know is MalformedXML, and a transition is refused, so nothing a client asks for is silently ignored.
 */
final class LifecycleXml {
    private static final Set<String> RULE_ELEMENTS = Set.of("ID", "Filter", "Prefix", "Status", "Expiration",
            "NoncurrentVersionExpiration", "AbortIncompleteMultipartUpload", "Transition", "NoncurrentVersionTransition");
    private static final Set<String> FILTER_PREDICATES = Set.of("Prefix", "Tag", "ObjectSizeGreaterThan",
            "ObjectSizeLessThan", "And");

    private LifecycleXml() {}

    static LifecycleConfiguration parse(XmlBody.Node doc) throws S3Exception {
        if (!doc.name().equals("LifecycleConfiguration")) {
            throw malformed("The root element must be LifecycleConfiguration");
        }
        List<XmlBody.Node> ruleNodes = doc.all("Rule");
        if (ruleNodes.isEmpty() || ruleNodes.size() != doc.children().size()) {
            throw malformed("A LifecycleConfiguration holds one or more Rule elements and nothing else");
        }
        Set<String> givenIds = new HashSet<>();
        for (XmlBody.Node r : ruleNodes) {
            String id = r.childText("ID");
            if (id != null && !id.isEmpty()) {
                givenIds.add(id);
            }
        }
        List<Rule> rules = new ArrayList<>(ruleNodes.size());
        for (XmlBody.Node r : ruleNodes) {
            rules.add(rule(r, givenIds));
        }
        try {
            return new LifecycleConfiguration(rules);
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, e.getMessage());
        }
    }

    private static Rule rule(XmlBody.Node r, Set<String> takenIds) throws S3Exception {
        Set<String> seen = new HashSet<>();
        for (XmlBody.Node c : r.children()) {
            if (!RULE_ELEMENTS.contains(c.name())) {
                throw malformed("Unknown element " + c.name() + " in a lifecycle Rule");
            }
            if (c.name().equals("Transition") || c.name().equals("NoncurrentVersionTransition")) {
                // S3 transitions move objects to another storage class; a node has only STANDARD (and S3 itself
                // never transitions to STANDARD), so there is nothing to do and accepting would be a lie.
                throw new S3Exception(S3ErrorCode.InvalidStorageClass, c.name() + " is not supported: this server "
                        + "has only the STANDARD storage class, so objects cannot be transitioned.");
            }
            if (!seen.add(c.name())) {
                throw malformed("Duplicate element " + c.name() + " in a lifecycle Rule");
            }
        }
        XmlBody.Node filterNode = r.child("Filter");
        String legacyPrefix = r.childText("Prefix");
        if ((filterNode == null) == (legacyPrefix == null)) {
            // "Filter is required if the LifecycleRule does not contain a Prefix element" (API LifecycleRule).
            throw malformed("A lifecycle Rule needs exactly one of Filter and Prefix");
        }
        LifecycleFilter filter = filterNode == null ? new LifecycleFilter(legacyPrefix, null, null, null, false)
                : filter(filterNode);
        Expiration expiration = expiration(r.child("Expiration"));
        NoncurrentExpiration noncurrent = noncurrent(r.child("NoncurrentVersionExpiration"));
        Integer abortDays = abort(r.child("AbortIncompleteMultipartUpload"));
        if (expiration == null && noncurrent == null && abortDays == null) {
            throw new S3Exception(S3ErrorCode.InvalidRequest, "At least one action needs to be specified in a rule");
        }
        if (filter.constrainsTagsOrSize()) {
            // Delete markers and unfinished uploads have no tags or size to filter on.
            if (abortDays != null) {
                throw new S3Exception(S3ErrorCode.InvalidRequest,
                        "AbortIncompleteMultipartUpload cannot be specified with Tags or object size filters.");
            }
            if (expiration != null && Boolean.TRUE.equals(expiration.expiredObjectDeleteMarker())) {
                throw new S3Exception(S3ErrorCode.InvalidRequest,
                        "ExpiredObjectDeleteMarker cannot be specified with Tags or object size filters.");
            }
        }
        try {
            return new Rule(id(r.childText("ID"), takenIds), status(r.childText("Status")), filter,
                    filterNode == null, expiration, noncurrent, abortDays);
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, e.getMessage());
        }
    }

    /** The rule's ID, or a new unique one when it has none (as S3 does). */
    private static String id(String given, Set<String> taken) {
        if (given != null && !given.isEmpty()) {
            return given;
        }
        String id;
        do {
            id = Base64.getEncoder().withoutPadding()
                    .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        } while (!taken.add(id));
        return id;
    }

    private static Status status(String s) throws S3Exception {
        if ("Enabled".equals(s)) {
            return Status.ENABLED;
        }
        if ("Disabled".equals(s)) {
            return Status.DISABLED;
        }
        throw malformed("A lifecycle Rule's Status must be Enabled or Disabled");
    }

    private static LifecycleFilter filter(XmlBody.Node f) throws S3Exception {
        if (f.children().size() > 1) {
            throw malformed("A Filter holds exactly one of Prefix, Tag, ObjectSizeGreaterThan, ObjectSizeLessThan, And");
        }
        if (f.children().isEmpty()) {
            return LifecycleFilter.ALL;
        }
        XmlBody.Node p = f.children().get(0);
        if (!FILTER_PREDICATES.contains(p.name())) {
            throw malformed("Unknown element " + p.name() + " in a lifecycle Filter");
        }
        if (p.name().equals("And")) {
            return and(p);
        }
        return predicates(List.of(p), false);
    }

    private static LifecycleFilter and(XmlBody.Node and) throws S3Exception {
        if (and.children().isEmpty()) {
            throw malformed("And needs at least one predicate");
        }
        for (XmlBody.Node c : and.children()) {
            if (c.name().equals("And") || !FILTER_PREDICATES.contains(c.name())) {
                throw malformed("Unknown element " + c.name() + " in a lifecycle And");
            }
        }
        for (String single : List.of("Prefix", "ObjectSizeGreaterThan", "ObjectSizeLessThan")) {
            if (and.all(single).size() > 1) {
                throw malformed("Duplicate " + single + " in a lifecycle And");
            }
        }
        return predicates(and.children(), true);
    }

    private static LifecycleFilter predicates(List<XmlBody.Node> nodes, boolean and) throws S3Exception {
        String prefix = null;
        Map<String, String> tags = new LinkedHashMap<>();
        Long greater = null;
        Long less = null;
        for (XmlBody.Node n : nodes) {
            switch (n.name()) {
                case "Prefix" -> prefix = n.text();
                case "Tag" -> tag(n, tags);
                case "ObjectSizeGreaterThan" -> greater = size(n);
                case "ObjectSizeLessThan" -> less = size(n);
                default -> throw malformed("Unknown element " + n.name() + " in a lifecycle Filter");
            }
        }
        try {
            return new LifecycleFilter(prefix, tags, greater, less, and);
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, e.getMessage());
        }
    }

    /** Tag keys and values follow object tags' limits ("Categorizing your storage using tags"). */
    private static void tag(XmlBody.Node t, Map<String, String> tags) throws S3Exception {
        String k = t.childText("Key");
        String v = t.childText("Value");
        if (k == null) {
            throw malformed("A lifecycle filter Tag needs a Key");
        }
        if (k.isEmpty() || k.codePointCount(0, k.length()) > 128
                || (v != null && v.codePointCount(0, v.length()) > 256)) {
            throw new S3Exception(S3ErrorCode.InvalidTag, "The TagKey or TagValue you have provided is invalid");
        }
        if (tags.put(k, v == null ? "" : v) != null) {
            throw new S3Exception(S3ErrorCode.InvalidRequest, "Duplicate Tag Keys are not allowed.");
        }
    }

    private static long size(XmlBody.Node n) throws S3Exception {
        try {
            return Long.parseLong(n.text());
        } catch (NumberFormatException e) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, n.name() + " must be a number of bytes");
        }
    }

    private static Expiration expiration(XmlBody.Node e) throws S3Exception {
        if (e == null) {
            return null;
        }
        for (XmlBody.Node c : e.children()) {
            if (!Set.of("Days", "Date", "ExpiredObjectDeleteMarker").contains(c.name())) {
                throw malformed("Unknown element " + c.name() + " in a lifecycle Expiration");
            }
        }
        Integer days = e.child("Days") == null ? null : positive(e.childText("Days"), "'Days' for Expiration action");
        Long date = e.child("Date") == null ? null : midnight(e.childText("Date"));
        Boolean marker = e.child("ExpiredObjectDeleteMarker") == null ? null
                : bool(e.childText("ExpiredObjectDeleteMarker"));
        if (Boolean.FALSE.equals(marker) && (days != null || date != null)) {
            marker = null; // false asks for no action, so it adds nothing to Days or Date
        }
        try {
            return new Expiration(days, date, marker);
        } catch (IllegalArgumentException ex) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, ex.getMessage());
        }
    }

    private static NoncurrentExpiration noncurrent(XmlBody.Node n) throws S3Exception {
        if (n == null) {
            return null;
        }
        for (XmlBody.Node c : n.children()) {
            if (!c.name().equals("NoncurrentDays") && !c.name().equals("NewerNoncurrentVersions")) {
                throw malformed("Unknown element " + c.name() + " in NoncurrentVersionExpiration");
            }
        }
        String days = n.childText("NoncurrentDays");
        if (days == null) {
            throw new S3Exception(S3ErrorCode.InvalidArgument,
                    "'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer");
        }
        String newer = n.childText("NewerNoncurrentVersions");
        try {
            return new NoncurrentExpiration(positive(days, "'NoncurrentDays' for NoncurrentVersionExpiration action"),
                    newer == null ? null : positive(newer, "'NewerNoncurrentVersions' for NoncurrentVersionExpiration"));
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, e.getMessage());
        }
    }

    private static Integer abort(XmlBody.Node a) throws S3Exception {
        if (a == null) {
            return null;
        }
        String days = a.childText("DaysAfterInitiation");
        if (days == null || a.children().size() != 1) {
            throw malformed("AbortIncompleteMultipartUpload holds one DaysAfterInitiation");
        }
        return positive(days, "'DaysAfterInitiation' for AbortIncompleteMultipartUpload action");
    }

    private static int positive(String text, String what) throws S3Exception {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, like a non-positive number
        }
        throw new S3Exception(S3ErrorCode.InvalidArgument, what + " must be a positive integer");
    }

    /** An ISO 8601 date or date-time; S3 requires midnight UTC ("The time is always midnight UTC"). */
    private static long midnight(String text) throws S3Exception {
        Instant t;
        try {
            t = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                t = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    t = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new S3Exception(S3ErrorCode.InvalidArgument, "'Date' must be an ISO 8601 date");
                }
            }
        }
        if (t.toEpochMilli() % 86_400_000L != 0) {
            throw new S3Exception(S3ErrorCode.InvalidArgument, "'Date' must be at midnight GMT");
        }
        return t.toEpochMilli();
    }

    private static boolean bool(String s) throws S3Exception {
        if ("true".equals(s)) {
            return true;
        }
        if ("false".equals(s)) {
            return false;
        }
        throw malformed("ExpiredObjectDeleteMarker must be true or false");
    }

    private static S3Exception malformed(String why) {
        return new S3Exception(S3ErrorCode.MalformedXML, why);
    }

    // ---- out ----

    static Xml document(LifecycleConfiguration config) {
        Xml xml = Xml.document("LifecycleConfiguration");
        for (Rule r : config.rules()) {
            xml.start("Rule").element("ID", r.id());
            if (r.legacyPrefix()) {
                xml.element("Prefix", r.filter().prefix());
            } else {
                filter(xml.start("Filter"), r.filter()).end();
            }
            xml.element("Status", r.enabled() ? "Enabled" : "Disabled");
            Expiration e = r.expiration();
            if (e != null) {
                xml.start("Expiration");
                if (e.days() != null) {
                    xml.element("Days", e.days());
                } else if (e.dateMillis() != null) {
                    xml.element("Date", Instant.ofEpochMilli(e.dateMillis()));
                } else {
                    xml.element("ExpiredObjectDeleteMarker", e.expiredObjectDeleteMarker());
                }
                xml.end();
            }
            NoncurrentExpiration n = r.noncurrentExpiration();
            if (n != null) {
                xml.start("NoncurrentVersionExpiration").element("NoncurrentDays", n.noncurrentDays());
                if (n.newerNoncurrentVersions() != null) {
                    xml.element("NewerNoncurrentVersions", n.newerNoncurrentVersions());
                }
                xml.end();
            }
            if (r.abortIncompleteMultipartUploadDays() != null) {
                xml.start("AbortIncompleteMultipartUpload")
                        .element("DaysAfterInitiation", r.abortIncompleteMultipartUploadDays()).end();
            }
            xml.end();
        }
        return xml;
    }

    private static Xml filter(Xml xml, LifecycleFilter f) {
        if (f.and()) {
            xml.start("And");
        }
        if (!f.prefix().isEmpty() || !f.constrainsTagsOrSize()) {
            xml.element("Prefix", f.prefix());
        }
        f.tags().forEach((k, v) -> xml.start("Tag").element("Key", k).element("Value", v).end());
        if (f.objectSizeGreaterThan() != null) {
            xml.element("ObjectSizeGreaterThan", f.objectSizeGreaterThan());
        }
        if (f.objectSizeLessThan() != null) {
            xml.element("ObjectSizeLessThan", f.objectSizeLessThan());
        }
        return f.and() ? xml.end() : xml;
    }
}
