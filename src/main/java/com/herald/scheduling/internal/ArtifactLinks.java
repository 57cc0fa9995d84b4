package com.herald.scheduling.internal;

import com.herald.delivery.LinkSigner;
import com.herald.platform.PublicUrl;
import com.herald.reports.ReportFormat;
import com.herald.reports.SizeLimit;
import com.herald.scheduling.RunArtifact;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Artifacts over the attachment limit travel as expiring signed links (product.md §4); the link works without
 * signing in, like the attachment it replaces, until the artifact's retention ends.
 */
@Component
class ArtifactLinks {

    static final String PURPOSE = "artifact";

    private final LinkSigner signer;
    private final PublicUrl publicUrl;
    private final SizeLimit limit;
    private final Duration retention;
    private final Clock clock;

    ArtifactLinks(
            LinkSigner signer,
            PublicUrl publicUrl,
            @Value("${herald.mail.max-attachment-bytes:" + SizeLimit.DEFAULT_MAX_ATTACHMENT_BYTES + "}")
                    long maxAttachmentBytes,
            @Value("${herald.artifacts.retention:30d}") Duration retention,
            Clock clock) {
        this.signer = signer;
        this.publicUrl = publicUrl;
        this.limit = new SizeLimit(maxAttachmentBytes);
        this.retention = retention;
        this.clock = clock;
    }

    boolean attachable(RunArtifact artifact) {
        return !limit.exceedsAttachmentLimit(artifact.sizeBytes());
    }

    RunMail.Link link(UUID runId, RunArtifact artifact) {
        Instant expires = clock.instant().plus(retention);
        String token = signer.sign(PURPOSE, runId + "/" + artifact.format().wire(), expires);
        return new RunMail.Link(artifact.fileName(), publicUrl.resolve("/artifacts/" + token), expires);
    }

    /** The run and format a link names, when its signature holds and it has not expired. */
    Optional<Target> verify(String token) {
        return signer.verify(PURPOSE, token).flatMap(payload -> {
            int slash = payload.indexOf('/');
            if (slash < 0) {
                return Optional.empty();
            }
            try {
                return ReportFormat.fromWire(payload.substring(slash + 1))
                        .map(f -> new Target(UUID.fromString(payload.substring(0, slash)), f));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    record Target(UUID runId, ReportFormat format) {}
}
