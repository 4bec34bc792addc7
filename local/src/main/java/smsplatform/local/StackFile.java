package smsplatform.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import smsplatform.json.Json;

/**
 * {@code DATA_DIR/stack.json}: where the last stack of a data dir listened. It outlives its stack (a stop, a
 * {@code kill -9}), so whether a stack runs is told by the data dir's lock, which the running stack holds and
 * the system releases when its process ends.
 */
final class StackFile {

    static final String NAME = "stack.json";
    static final String LOCK = ".lock";

    private StackFile() {}

    /** The running stack's stack.json; refused with what is wrong (none ever ran, or it stopped) otherwise. */
    static Map<String, Object> running(Path dataDir) throws IOException {
        Path file = dataDir.resolve(NAME);
        if (!Files.exists(file)) {
            throw SmsLocalRefusal.state("no stack is running with data dir " + dataDir + ": start it with ./sms-local start");
        }
        Map<String, Object> stack = Json.parseObject(Files.readString(file));
        if (!isRunning(dataDir)) {
            throw SmsLocalRefusal.state(stopped(dataDir, stack) + ": start it again with ./sms-local start");
        }
        return stack;
    }

    /** "the stack of data dir X (pid N, port P) has stopped": what a stale stack.json is explained with. */
    static String stopped(Path dataDir, Map<String, Object> stack) {
        return "the stack that ran with data dir " + dataDir + " (pid " + stack.get("pid") + ", port " + stack.get("port")
                + ") has stopped or was killed; its " + NAME + " is stale";
    }

    /** Whether a stack holds the data dir's lock now (tried, and released at once if free). */
    static boolean isRunning(Path dataDir) throws IOException {
        try (FileChannel channel = FileChannel.open(dataDir.resolve(LOCK), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (NoSuchFileException e) {
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very JVM (a stack started in-process)
        }
    }
}
