package dev.s3aas.common.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Jetty server behind {@link ServerTls}, with JDK clients and a hand-made TLS 1.1 ClientHello. */
class ServerTlsTest {
    @TempDir
    Path dir;
    private final TestPki pki = new TestPki();
    private TlsFiles files;
    private KeyMaterial first;
    private ServerTls tls;
    private Server server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        files = new TlsFiles(dir.resolve("server.crt"), dir.resolve("server.key"));
        first = pki.issue(files);
        // A long interval: these tests call checkNow() instead of waiting for the timer.
        tls = ServerTls.open(files, Duration.ofHours(1));
        server = new Server();
        ServerConnector connector = new ServerConnector(server,
                tls.connectionFactories(new HttpConnectionFactory(new HttpConfiguration())));
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.write(true, ByteBuffer.wrap(("secure=" + request.isSecure()).getBytes(StandardCharsets.UTF_8)),
                        callback);
                return true;
            }
        });
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        tls.close();
    }

    @Test
    void anHttpsClientTrustingTheCaIsServedAndTheRequestIsSecure() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(TrustStores.clientContext(pki.caPem())).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("secure=true");
    }

    @Test
    void aClientTrustingOnlyTheJdkDefaultsFailsTheHandshake() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(SSLContext.getDefault()).build();
        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/"))
                .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void tls13And12AreSpokenAndTls11IsRefused() throws Exception {
        assertThat(handshake("TLSv1.3")).isEqualTo("TLSv1.3");
        assertThat(handshake("TLSv1.2")).isEqualTo("TLSv1.2");
        // The JDK's own client will not offer TLS 1.1 (jdk.tls.disabledAlgorithms), so the hello is made by hand.
        assertThat(rawHelloAnswer(0x0303)).as("a TLS 1.2 hello is answered with a ServerHello").isEqualTo(0x16);
        int[] alert = new int[1];
        assertThat(rawHelloAnswer(0x0302, alert)).as("a TLS 1.1 hello is answered with an alert").isEqualTo(0x15);
        assertThat(alert[0]).as("protocol_version (RFC 5246 7.2)").isEqualTo(70);
    }

    @Test
    void renewedFilesAreServedToNewHandshakesAndBadOnesAreIgnored() throws Exception {
        assertThat(servedSerial()).isEqualTo(first.leaf().getSerialNumber());

        Files.writeString(files.privateKey(), Pem.encodePrivateKey(Certificates.newKeyPair().getPrivate()));
        tls.checkNow();
        assertThat(servedSerial()).as("a key that does not match is not loaded").isEqualTo(first.leaf().getSerialNumber());

        KeyMaterial renewed = pki.issue(files);
        tls.checkNow();
        assertThat(servedSerial()).isEqualTo(renewed.leaf().getSerialNumber());
    }

    private String handshake(String protocol) throws Exception {
        try (SSLSocket s = (SSLSocket) TrustStores.clientContext(pki.caPem()).getSocketFactory()
                .createSocket("127.0.0.1", port)) {
            s.setEnabledProtocols(new String[] {protocol});
            s.startHandshake();
            return s.getSession().getProtocol();
        }
    }

    private BigInteger servedSerial() throws Exception {
        try (SSLSocket s = (SSLSocket) TrustStores.clientContext(pki.caPem()).getSocketFactory()
                .createSocket("127.0.0.1", port)) {
            s.startHandshake();
            return ((X509Certificate) s.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }

    private int rawHelloAnswer(int version, int... alertOut) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(clientHello(version));
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int type = in.readUnsignedByte();
            if (type == 0x15 && alertOut.length > 0) {
                in.readUnsignedShort(); // record version
                in.readUnsignedShort(); // length (2)
                in.readUnsignedByte(); // level
                alertOut[0] = in.readUnsignedByte();
            }
            return type;
        }
    }

    /**
     * A minimal ClientHello (RFC 5246 7.4.1.2) offering ECDHE suites usable from TLS 1.0 to 1.2 (CBC) and 1.2
     * (GCM), P-256, and ECDSA/RSA signatures, so only the version can make a server refuse it.
     */
    private static byte[] clientHello(int version) {
        ByteBuffer ext = ByteBuffer.allocate(64);
        ext.putShort((short) 0x000a).putShort((short) 4).putShort((short) 2).putShort((short) 0x0017);
        ext.putShort((short) 0x000b).putShort((short) 2).put((byte) 1).put((byte) 0);
        ext.putShort((short) 0x000d).putShort((short) 8).putShort((short) 6)
                .putShort((short) 0x0403).putShort((short) 0x0401).putShort((short) 0x0804);
        ext.flip();
        int[] suites = {0xC02B, 0xC02F, 0xC009, 0xC013, 0x002F};
        ByteBuffer body = ByteBuffer.allocate(256);
        body.putShort((short) version);
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        body.put(random).put((byte) 0);
        body.putShort((short) (suites.length * 2));
        for (int c : suites) {
            body.putShort((short) c);
        }
        body.put((byte) 1).put((byte) 0);
        body.putShort((short) ext.remaining()).put(ext);
        body.flip();
        ByteBuffer record = ByteBuffer.allocate(5 + 4 + body.remaining());
        record.put((byte) 0x16).putShort((short) 0x0301).putShort((short) (4 + body.remaining()));
        record.put((byte) 1).put((byte) 0).putShort((short) body.remaining()).put(body);
        return record.array();
    }
}
