package smsplatform.local;

import smsplatform.domain.SerialNo;
import smsplatform.support.Digests;

/** Well-formed serial numbers named after a test's label: the same label, the same serial number. */
final class TestSerials {

    private TestSerials() {}

    /** Hexadecimal digits are all in the ids' alphabet. */
    static SerialNo of(String label) {
        return new SerialNo(SerialNo.PREFIX + Digests.sha256Hex(label).substring(0, 26));
    }
}
