package dev.s3aas.cli;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * The log format of {@code logback.xml}, chosen by {@code S3AAS_LOG_FORMAT}: {@code json} writes one JSON object
 * per line (logback's {@link JsonEncoder}: timestamp, level, logger, thread, formattedMessage, the MDC with
 * {@code request_id}, key/value pairs such as the access line's status and duration, and any throwable);
 * {@code text} or nothing writes the {@code pattern}. An unknown value falls back to text with a warning, so
 * a typo never silences the logs. Nodes started by the control plane inherit the variable.
 */
public final class LogFormatEncoder extends EncoderBase<ILoggingEvent> {
    static final String VARIABLE = "S3AAS_LOG_FORMAT";

    private String pattern = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";
    private Encoder<ILoggingEvent> delegate;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        String format = System.getenv(VARIABLE);
        if (format != null && format.equalsIgnoreCase("json")) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(getContext());
            // The message as a reader sees it ("formattedMessage"), not the template plus an argument array.
            json.setWithFormattedMessage(true);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.start();
            delegate = json;
        } else {
            if (format != null && !format.isBlank() && !format.equalsIgnoreCase("text")) {
                addWarn(VARIABLE + "=" + format + " is neither text nor json; writing text");
            }
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setContext(getContext());
            text.setPattern(pattern);
            text.start();
            delegate = text;
        }
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
