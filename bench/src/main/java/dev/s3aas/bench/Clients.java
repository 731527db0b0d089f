package dev.s3aas.bench;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/** The per-worker clients of one run, and whatever they share (the SDK's client), closed together. */
final class Clients implements AutoCloseable {
    static final String BUCKET = "bench";

    private final List<LoadClient> clients;
    private final S3Client shared;

    private Clients(List<LoadClient> clients, S3Client shared) {
        this.clients = clients;
        this.shared = shared;
    }

    static Clients open(Participant participant, int count, BenchOptions.Client settings, Payloads payloads) {
        List<LoadClient> list = new ArrayList<>(count);
        S3Client sdk = null;
        switch (participant) {
            case Participant.RawDisk raw -> {
                for (int i = 0; i < count; i++) {
                    list.add(new RawDiskClient(raw.dir(), payloads));
                }
            }
            case Participant.Server server -> {
                if (settings.kind() == BenchOptions.ClientKind.SDK) {
                    sdk = SdkS3Client.newClient(server.endpoint(), count);
                    for (int i = 0; i < count; i++) {
                        list.add(new SdkS3Client(sdk, BUCKET, payloads));
                    }
                } else {
                    for (int i = 0; i < count; i++) {
                        list.add(new LeanS3Client(server.endpoint(), BUCKET, settings.payload(), payloads));
                    }
                }
            }
        }
        return new Clients(list, sdk);
    }

    List<LoadClient> list() {
        return clients;
    }

    @Override
    public void close() {
        clients.forEach(LoadClient::close);
        if (shared != null) {
            shared.close();
        }
    }
}
