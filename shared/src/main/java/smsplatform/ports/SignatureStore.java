package smsplatform.ports;

import java.util.Optional;
import smsplatform.domain.Page;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureStatus;

/** Persistence of signatures; every write is a single-item conditional write on {@code version}. */
public interface SignatureStore {

    /**
     * Stores a new signature after claiming a quota slot and its name for the account.
     * Throws a Failure for {@code FailedOperation.SignNumberLimit} or a taken name.
     */
    void create(Signature signature, int quota);

    Optional<Signature> find(String accountId, String signatureId);

    /** Any account's signature, for the review pipeline. */
    Optional<Signature> findById(String signatureId);

    /** Writes the signature if its stored version is still {@code signature.version()}; false if not. */
    boolean save(Signature signature);

    /**
     * Like {@link #save} for a signature whose name changed: claims the new name first (a taken name
     * is a Failure), then releases {@code previousName}.
     */
    boolean rename(Signature signature, String previousName);

    /** Deletes the signature and frees its slot and name. */
    void delete(Signature signature);

    Page<Signature> list(String accountId, SignatureStatus status, int limit, String nextToken);

    /** IN_REVIEW signatures at the MANUAL stage across all accounts, oldest first. */
    Page<Signature> awaitingReviewer(int limit, String nextToken);

    /** The caller's signature with exactly this name, if one exists. */
    Optional<Signature> findByName(String accountId, String name);
}
