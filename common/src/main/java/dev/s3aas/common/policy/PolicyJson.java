package dev.s3aas.common.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders {@link PolicyDocument#normalizedJson()}. */
final class PolicyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PolicyJson() {
    }

    static String render(PolicyDocument doc) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("Version", doc.version());
        doc.id().ifPresent(id -> root.put("Id", id));
        ArrayNode statements = root.putArray("Statement");
        for (Statement s : doc.statements()) {
            statements.add(statement(s));
        }
        return root.toString();
    }

    private static ObjectNode statement(Statement s) {
        ObjectNode node = MAPPER.createObjectNode();
        if (s.sid() != null) {
            node.put("Sid", s.sid());
        }
        node.put("Effect", s.effect().jsonName);
        if (s.principals() != null) {
            String name = s.principals().negated() ? "NotPrincipal" : "Principal";
            if (s.principals().star()) {
                node.put(name, "*");
            } else {
                ObjectNode p = node.putObject(name);
                s.principals().raw().forEach((type, entries) -> strings(p.putArray(type), entries));
            }
        }
        strings(node.putArray(s.actions().negated() ? "NotAction" : "Action"), s.actions().patterns());
        if (s.resources().present()) {
            ArrayNode r = node.putArray(s.resources().negated() ? "NotResource" : "Resource");
            s.resources().resources().forEach(t -> r.add(t.raw()));
        }
        if (!s.conditions().isEmpty()) {
            Map<String, Map<String, List<String>>> byOperator = new LinkedHashMap<>();
            for (Condition c : s.conditions()) {
                byOperator.computeIfAbsent(c.operatorName(), k -> new LinkedHashMap<>()).put(c.key(), c.rawValues());
            }
            ObjectNode cond = node.putObject("Condition");
            byOperator.forEach((op, keys) -> {
                ObjectNode o = cond.putObject(op);
                keys.forEach((key, values) -> strings(o.putArray(key), values));
            });
        }
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
