package dev.s3aas.controlplane.provision;

/**
 * The command line the local provisioner gives a node ({@code node --data-dir DIR --address HOST:PORT
 * [--tls-cert FILE --tls-key FILE]}).
 */
record NodeArgs(String dataDir, String address, String tlsCert, String tlsKey) {
    /** Parses it, or exits with status 2 and a usage line, as a node program would. */
    static NodeArgs parseOrExit(String[] args) {
        String dataDir = null;
        String address = null;
        String tlsCert = null;
        String tlsKey = null;
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals("--data-dir")) {
                dataDir = args[i + 1];
            } else if (args[i].equals("--address")) {
                address = args[i + 1];
            } else if (args[i].equals("--tls-cert")) {
                tlsCert = args[i + 1];
            } else if (args[i].equals("--tls-key")) {
                tlsKey = args[i + 1];
            }
        }
        if (args.length == 0 || !"node".equals(args[0]) || dataDir == null || address == null) {
            System.err.println("usage: node --data-dir DIR --address HOST:PORT");
            System.exit(2);
        }
        return new NodeArgs(dataDir, address, tlsCert, tlsKey);
    }
}
