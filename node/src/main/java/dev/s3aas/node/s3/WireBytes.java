package dev.s3aas.node.s3;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.io.NetworkTrafficListener;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.NetworkTrafficServerConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Bytes received and sent on the S3 port ({@code s3aas_s3_received_bytes_total}, {@code s3aas_s3_sent_bytes_total}):
 * what crossed the wire, headers included, as MinIO's {@code s3_rx/tx_bytes} do. Counted by Jetty's network
 * traffic listener as each read and write happens (Jetty's {@code ConnectionStatistics} only adds a connection's
 * bytes when it closes, which for keep-alive clients may be never).
 */
final class WireBytes implements NetworkTrafficListener {
    private final LongAdder in = new LongAdder();
    private final LongAdder out = new LongAdder();

    private WireBytes() {}

    /** A connector like {@code new ServerConnector(server, 1, 1, factories)} that counts its traffic. */
    static ServerConnector connector(Server server, MeterRegistry registry, ConnectionFactory... factories) {
        WireBytes bytes = new WireBytes();
        FunctionCounter.builder("s3aas.s3.received", bytes.in, LongAdder::sum).baseUnit("bytes")
                .description("Bytes received on the S3 port").register(registry);
        FunctionCounter.builder("s3aas.s3.sent", bytes.out, LongAdder::sum).baseUnit("bytes")
                .description("Bytes sent on the S3 port").register(registry);
        NetworkTrafficServerConnector c = new NetworkTrafficServerConnector(server, null, null, null, 1, 1, factories);
        c.setNetworkTrafficListener(bytes);
        return c;
    }

    @Override
    public void incoming(Socket socket, ByteBuffer bytes) {
        in.add(bytes.remaining());
    }

    @Override
    public void outgoing(Socket socket, ByteBuffer bytes) {
        out.add(bytes.remaining());
    }
}
