package dev.s3aas.controlplane.db;

import dev.s3aas.controlplane.api.ApiError;
import dev.s3aas.controlplane.api.Page;
import dev.s3aas.controlplane.api.PageRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Keyset pagination over {@code (created_at, uuid)}, shared by every list endpoint. */
public final class Paging {
    private Paging() {}

    /**
     * Lists rows of {@code table} matching {@code where} (SQL over named binds), the page request's
     * name/status filters (on {@code nameColumn} and {@code status}) and its marker.
     */
    public static <T> Page<T> list(Handle h, String table, String where, Map<String, Object> binds,
            String nameColumn, PageRequest pr, RowMapper<T> mapper, Function<T, String> idOf) {
        StringBuilder sql = new StringBuilder("SELECT * FROM ").append(table).append(" WHERE ").append(where);
        Map<String, Object> all = new HashMap<>(binds);
        if (pr.name() != null && nameColumn != null) {
            sql.append(" AND ").append(nameColumn).append(" = :p_name");
            all.put("p_name", pr.name());
        }
        if (pr.status() != null) {
            sql.append(" AND status = :p_status");
            all.put("p_status", pr.status());
        }
        if (pr.marker() != null) {
            Optional<Long> at = h.createQuery("SELECT created_at FROM " + table + " WHERE uuid = :m")
                    .bind("m", pr.marker()).mapTo(Long.class).findOne();
            if (at.isEmpty()) {
                throw ApiError.invalid("marker", "marker '" + pr.marker() + "' does not name an item of this list");
            }
            sql.append(" AND (created_at > :p_at OR (created_at = :p_at AND uuid > :p_id))");
            all.put("p_at", at.get());
            all.put("p_id", pr.marker());
        }
        sql.append(" ORDER BY created_at, uuid LIMIT ").append(pr.limit() + 1);
        List<T> rows = h.createQuery(sql.toString()).bindMap(all).map(mapper).list();
        if (rows.size() > pr.limit()) {
            List<T> items = rows.subList(0, pr.limit());
            return new Page<>(items, idOf.apply(items.get(items.size() - 1)));
        }
        return new Page<>(rows, null);
    }
}
