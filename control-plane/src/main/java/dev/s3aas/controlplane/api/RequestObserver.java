package dev.s3aas.controlplane.api;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Told about every API request {@link ApiHandler} serves: the access log, the audit trail. */
public interface RequestObserver {
    /**
     * Called before a mutation's endpoint runs, after routing and authentication; throws an {@link ApiError} to
     * refuse it (the audit trail refuses changes it could not record).
     */
    default void beforeMutation() {}

    /** Called once per request with its outcome, before the answer is written. Must not throw. */
    void completed(Exchange exchange);

    /** All of them in order; one observer failing does not keep the others from being told. */
    static RequestObserver all(List<RequestObserver> observers) {
        List<RequestObserver> list = List.copyOf(observers);
        Logger log = LoggerFactory.getLogger(RequestObserver.class);
        return new RequestObserver() {
            @Override
            public void beforeMutation() {
                list.forEach(RequestObserver::beforeMutation);
            }

            @Override
            public void completed(Exchange exchange) {
                for (RequestObserver o : list) {
                    try {
                        o.completed(exchange);
                    } catch (RuntimeException e) {
                        log.error("request observer {} failed", o.getClass().getSimpleName(), e);
                    }
                }
            }
        };
    }
}
