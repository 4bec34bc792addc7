package smsplatform.bench;

import org.crac.Resource;

/** What SnapStart runs before its snapshot: the handler's CRaC beforeCheckpoint, if it has one. */
final class Priming {

    private Priming() {}

    static boolean prime(Object handler) throws Exception {
        if (handler instanceof Resource resource) {
            resource.beforeCheckpoint(null);
            return true;
        }
        return false;
    }
}
