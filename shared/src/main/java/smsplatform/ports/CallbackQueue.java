package smsplatform.ports;

import smsplatform.domain.callbacks.QueuedCallback;

/** The dispatcher's own queue: an event goes back on it for its next attempt, after a delay. */
public interface CallbackQueue {

    void send(QueuedCallback callback, int delaySeconds);
}
