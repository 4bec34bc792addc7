package smsplatform.ports;

import java.util.Optional;
import smsplatform.domain.AccountId;
import smsplatform.domain.Page;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureId;
import smsplatform.domain.SignatureStatus;

/** Persistence of signatures; every write is a single-item conditional write on {@code version}. */
public interface SignatureStore {

    /**
     * Stores a new signature after claiming its name and a quota slot for the account, and returns it
     * as stored. Creating the same signature id again (a retry) converges on the same result.
     * Throws a Failure for {@code FailedOperation.SignNumberLimit} or a taken name.
     */
    Signature create(Signature signature, int quota);

    /**
     * Recomputes the account's quota registry from the signatures that exist: slots and names held by
     * ids with no signature, older than a grace period (an interrupted creation), are freed.
     * Returns how many slots were freed.
     */
    int repair(AccountId accountId);

    Optional<Signature> find(AccountId accountId, SignatureId signatureId);

    /** Any account's signature, for the review pipeline. */
    Optional<Signature> findById(SignatureId signatureId);

    /** Writes the signature if its stored version is still {@code signature.version()}; false if not. */
    boolean save(Signature signature);

    /**
     * Like {@link #save} for a signature whose name changed: claims the new name first (a taken name
     * is a Failure), then releases {@code previousName}.
     */
    boolean rename(Signature signature, String previousName);

    /**
     * Counts {@code count} more upload forms handed out for the signature if that keeps the total at or
     * below {@code max}; false (nothing counted) otherwise. Atomic under concurrency.
     */
    boolean claimUploads(AccountId accountId, SignatureId signatureId, int count, int max);

    /** Deletes the signature and frees its slot and name. */
    void delete(Signature signature);

    Page<Signature> list(AccountId accountId, SignatureStatus status, int limit, String nextToken);

    /** The caller's signature of that region (domestic or international) with this name, if one exists. */
    Optional<Signature> findByName(AccountId accountId, boolean international, String name);
}
