package dev.s3aas.node.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.s3aas.node.scrub.ScrubReport;
import dev.s3aas.node.scrub.ScrubWorker;
import dev.s3aas.node.storage.ScrubFinding;
import java.time.Instant;
import java.util.List;

/**
 * The background scrub, under an s3aas extension path (MinIO has no such API: its healing is {@code mc admin
 * heal}, which needs the erasure sets we do not have): {@code GET s3aas/scrub} reports the state and the last
 * completed pass's findings; {@code POST s3aas/scrub/start} starts a pass now (202; 409 if scrubbing is off).
 */
final class ScrubAdmin {
    private ScrubAdmin() {}

    record FindingJson(@JsonProperty("bucket") String bucket, @JsonProperty("key") String key,
                       @JsonProperty("version_id") String versionId, @JsonProperty("upload_id") String uploadId,
                       @JsonProperty("part_number") Integer partNumber, @JsonProperty("blob") String blob,
                       @JsonProperty("reason") String reason, @JsonProperty("detected_at") String detectedAt) {
        static FindingJson of(ScrubReport.Detected d) {
            ScrubFinding f = d.finding();
            return new FindingJson(f.bucket(), f.key(), f.versionId(), f.uploadId(), f.partNumber(), f.blob(),
                    f.reason(), d.detectedAt().toString());
        }
    }

    record ReportJson(@JsonProperty("enabled") boolean enabled,
                      @JsonProperty("rate_bytes_per_second") long rate,
                      @JsonProperty("interval_seconds") long interval,
                      @JsonProperty("running") boolean running,
                      @JsonProperty("running_since") String runningSince,
                      @JsonProperty("running_corrupt") long runningCorrupt,
                      @JsonProperty("passes") long passes,
                      @JsonProperty("last_pass_started") String lastPassStarted,
                      @JsonProperty("last_pass_finished") String lastPassFinished,
                      @JsonProperty("bytes_scanned") long bytesScanned,
                      @JsonProperty("objects_scanned") long objectsScanned,
                      @JsonProperty("unverified") long unverified,
                      @JsonProperty("corrupt_total") long corruptTotal,
                      @JsonProperty("corrupt") List<FindingJson> corrupt) {
        static ReportJson of(ScrubReport r) {
            return new ReportJson(r.rateBytesPerSecond() > 0, r.rateBytesPerSecond(), r.intervalSeconds(), r.running(),
                    text(r.runningSince()), r.runningCorrupt(), r.passes(), text(r.lastPassStarted()),
                    text(r.lastPassFinished()), r.bytesScanned(), r.objectsScanned(), r.unverified(), r.corruptTotal(),
                    r.corrupt().stream().map(FindingJson::of).toList());
        }

        private static String text(Instant t) {
            return t == null ? null : t.toString();
        }
    }

    record Report(ScrubWorker worker) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) {
            return AdminReply.json(ReportJson.of(worker.report()));
        }
    }

    record Start(ScrubWorker worker) implements AdminOperation {
        @Override
        public AdminReply handle(AdminCall call) throws AdminException {
            if (!worker.enabled()) {
                throw new AdminException(AdminError.XMinioAdminScrubOff, null);
            }
            worker.startNow();
            return new AdminReply(202, AdminJson.write(ReportJson.of(worker.report())), false);
        }
    }
}
