package dev.s3aas.common.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A statement's Principal or NotPrincipal (IAM JSON policy elements: Principal). Forms accepted:
 * {@code "*"}, or an object whose keys are {@code AWS}, {@code CanonicalUser}, {@code Service} or
 * {@code Federated}, each with a string or a list of strings.
 *
 * <p>How the entries map onto this system's principals:
 * <ul>
 *   <li>{@code "*"} (alone, or as an {@code AWS} / {@code CanonicalUser} entry) is everyone, including
 *       anonymous requests.</li>
 *   <li>An {@code AWS} or {@code CanonicalUser} entry {@code arn:aws:iam::<any account>:user/<path/>name}
 *       names the user {@code name}; any other entry without {@code :} names the user with that name or
 *       the access key with that id.</li>
 *   <li>Account principals ({@code arn:aws:iam::123456789012:root}, a bare account id), roles,
 *       {@code Service} and {@code Federated} entries are accepted but match no request: this system has
 *       one account and no roles, and AWS itself only delegates to identity policies for a same-account
 *       root principal.</li>
 * </ul>
 *
 * @param userNames  names from IAM user ARNs
 * @param namesOrKeys plain entries, each a user name or an access key id
 * @param raw the element as written, by principal type, for the normalised JSON; {@code "*"} is stored
 *            as an empty map with {@code star} set
 */
record PrincipalSet(boolean negated, boolean star, boolean everyone, Set<String> userNames,
                    Set<String> namesOrKeys, Map<String, List<String>> raw) {

    PrincipalSet {
        userNames = Set.copyOf(userNames);
        namesOrKeys = Set.copyOf(namesOrKeys);
        raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
    }

    /** Whether the element covers {@code principal} (for NotPrincipal: whether it is not listed). */
    boolean covers(RequestPrincipal principal) {
        boolean listed = everyone || switch (principal) {
            case RequestPrincipal.User u -> userNames.contains(u.name()) || namesOrKeys.contains(u.name())
                    || namesOrKeys.contains(u.accessKeyId());
            case RequestPrincipal.Anonymous a -> false;
            case RequestPrincipal.Root r -> false;
        };
        return listed != negated;
    }
}
