package dev.s3aas.node.lifecycle;

import dev.s3aas.node.storage.LifecycleConfiguration;
import dev.s3aas.node.storage.LifecycleConfiguration.Rule;
import java.util.function.Predicate;

/** Where a scan can start: no enabled rule of a kind reaches keys outside the longest prefix all of them share. */
final class Prefixes {
    private Prefixes() {}

    static String common(LifecycleConfiguration config, Predicate<Rule> kind) {
        String common = null;
        for (Rule r : config.rules()) {
            if (!r.enabled() || !kind.test(r)) {
                continue;
            }
            String p = r.filter().prefix();
            if (common == null) {
                common = p;
            } else {
                int n = 0;
                int max = Math.min(common.length(), p.length());
                while (n < max && common.charAt(n) == p.charAt(n)) {
                    n++;
                }
                // Never split a surrogate pair: the prefix becomes UTF-8 for the storage seek.
                if (n > 0 && Character.isHighSurrogate(common.charAt(n - 1))) {
                    n--;
                }
                common = common.substring(0, n);
            }
        }
        return common == null ? "" : common;
    }
}
