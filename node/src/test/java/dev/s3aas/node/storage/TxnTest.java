package dev.s3aas.node.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.WriteBatch;

/** Reads inside a commit group see the group's earlier writes, including deletes, exactly. */
class TxnTest {
    @TempDir
    Path dir;

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void aRowDeletedEarlierInTheGroupDoesNotUseUpTheScanLimit() throws Exception {
        try (MetaDb db = new MetaDb(dir); WriteBatch batch = new WriteBatch()) {
            batch.put(db.cf(MetaDb.Cf.OBJECTS), b("p/a"), b("1"));
            batch.put(db.cf(MetaDb.Cf.OBJECTS), b("p/b"), b("2"));
            db.writeSync(batch);

            Map<Txn.CfKey, byte[]> overlay = new HashMap<>();
            Txn first = new Txn(db, overlay);
            first.delete(MetaDb.Cf.OBJECTS, b("p/a"));
            try (WriteBatch group = new WriteBatch()) {
                first.flushTo(group);
            }

            Txn second = new Txn(db, overlay);
            var one = second.scan(MetaDb.Cf.OBJECTS, b("p/"), 1);
            assertThat(one.keySet()).extracting(k -> new String(k, UTF_8)).containsExactly("p/b");
        }
    }

    @Test
    void scanMergesGroupAndOwnWritesInKeyOrderUpToTheLimit() throws Exception {
        try (MetaDb db = new MetaDb(dir); WriteBatch batch = new WriteBatch()) {
            batch.put(db.cf(MetaDb.Cf.OBJECTS), b("p/b"), b("db"));
            batch.put(db.cf(MetaDb.Cf.OBJECTS), b("p/d"), b("db"));
            db.writeSync(batch);

            Map<Txn.CfKey, byte[]> overlay = new HashMap<>();
            Txn first = new Txn(db, overlay);
            first.put(MetaDb.Cf.OBJECTS, b("p/c"), b("group"));
            first.put(MetaDb.Cf.OBJECTS, b("p/b"), b("group"));
            try (WriteBatch group = new WriteBatch()) {
                first.flushTo(group);
            }
            Txn second = new Txn(db, overlay);
            second.put(MetaDb.Cf.OBJECTS, b("p/a"), b("own"));
            second.delete(MetaDb.Cf.OBJECTS, b("p/c"));

            var all = second.scan(MetaDb.Cf.OBJECTS, b("p/"), 10);
            assertThat(all.entrySet()).extracting(e -> new String(e.getKey(), UTF_8) + "=" + new String(e.getValue(), UTF_8))
                    .containsExactly("p/a=own", "p/b=group", "p/d=db");
            assertThat(second.scan(MetaDb.Cf.OBJECTS, b("p/"), 2).keySet())
                    .extracting(k -> new String(k, UTF_8)).containsExactly("p/a", "p/b");
        }
    }
}
