package dev.s3aas.node;

import dev.s3aas.node.auth.RootOnlyCredentials;
import dev.s3aas.node.s3.S3Server;
import dev.s3aas.node.storage.RocksObjectStore;

/** Wiring of a data-plane node: storage engine, credentials, S3 endpoint. The one place the graph is built. */
public final class Node implements AutoCloseable {
    private final RocksObjectStore store;
    private final S3Server server;

    private Node(RocksObjectStore store, S3Server server) {
        this.store = store;
        this.server = server;
    }

    public static Node start(NodeConfig config) throws Exception {
        RocksObjectStore store = RocksObjectStore.open(config.dataDir(), config.sseKeyFile());
        try {
            S3Server server = S3Server.start(
                    new S3Server.Settings(config.address(), config.region(), config.domains(),
                            config.root().accessKeyId()),
                    store, new RootOnlyCredentials(config.root()));
            return new Node(store, server);
        } catch (Exception e) {
            store.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            store.close();
        }
    }
}
