package smsplatform.ports;

import java.net.URI;
import java.util.Map;

/**
 * POSTs one signed event to a customer's URL, within the SSRF policy: the adapter resolves the host,
 * checks every address and connects to the checked one.
 */
public interface Webhooks {

    /** What an attempt came to: a status (0 when there was no answer) and, unless 2xx, why it failed. */
    record Attempt(int status, String error) {
        public boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    Attempt post(URI url, Map<String, String> headers, String body);
}
