package smsplatform.local;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files of the data dir that only the user running sms-local may read: mode 0600 from the moment they
 * exist (on file systems without POSIX permissions, whatever the system gives).
 */
final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_BITS = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {}

    /** Creates the file, empty, if it does not exist yet; one left readable by an earlier version is restricted. */
    static void ensure(Path file) throws IOException {
        try {
            Files.createFile(file, attributes(file));
        } catch (FileAlreadyExistsException e) {
            restrict(file);
        }
    }

    /** Replaces the file's content at once: written to a private temporary file, then moved over it. */
    static void write(Path file, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp", attributes(file));
        try {
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Takes away whatever group and others may do with the file. */
    static void restrict(Path file) throws IOException {
        if (posix(file)) {
            Set<PosixFilePermission> granted = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> owners = EnumSet.noneOf(PosixFilePermission.class);
            granted.stream().filter(OWNER_ONLY_BITS::contains).forEach(owners::add);
            if (!owners.equals(granted)) {
                Files.setPosixFilePermissions(file, owners);
            }
        }
    }

    private static FileAttribute<?>[] attributes(Path file) {
        return posix(file) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
