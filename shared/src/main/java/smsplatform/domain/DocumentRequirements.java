package smsplatform.domain;

import static smsplatform.domain.DocumentKind.*;
import static smsplatform.domain.SignatureType.*;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which documents a signature needs (DESIGN §5.3), as one table: applicant column → signature type →
 * required groups. A missing cell means that applicant may not apply for that type at all.
 */
public final class DocumentRequirements {

    /** Any one certificate of the entity that owns the signature. */
    static final DocumentGroup ENTITY =
            DocumentGroup.of(BUSINESS_LICENSE, ORGANIZATION_CODE_CERTIFICATE, SOCIAL_CREDIT_CODE_CERTIFICATE);
    /** Any one certificate of a government body or public institution. */
    static final DocumentGroup GOV = DocumentGroup.of(
            ORGANIZATION_CODE_CERTIFICATE, SOCIAL_CREDIT_CODE_CERTIFICATE, PUBLIC_INSTITUTION_LEGAL_PERSON_CERTIFICATE);
    static final DocumentGroup AUTHORIZATION = DocumentGroup.of(AUTHORIZATION_LETTER);

    private enum Applicant { ORGANISATION_SELF_USE, INDIVIDUAL_SELF_USE, FOR_OTHERS }

    private static final Map<Applicant, Map<SignatureType, List<DocumentGroup>>> TABLE = new EnumMap<>(Applicant.class);

    static {
        row(Applicant.ORGANISATION_SELF_USE, Map.of(
                COMPANY, List.of(ENTITY),
                APP, List.of(ENTITY, DocumentGroup.of(APP_STORE_BACKEND_SCREENSHOT)),
                WEBSITE, List.of(ENTITY, DocumentGroup.of(ICP_FILING_SCREENSHOT)),
                WECHAT_OFFICIAL_ACCOUNT, List.of(ENTITY, DocumentGroup.of(WECHAT_ACCOUNT_SCREENSHOT)),
                WECHAT_MINI_PROGRAM, List.of(ENTITY, DocumentGroup.of(WECHAT_ACCOUNT_SCREENSHOT)),
                TRADEMARK, List.of(ENTITY, DocumentGroup.of(TRADEMARK_REGISTRATION_CERTIFICATE)),
                GOVERNMENT, List.of(GOV)));
        row(Applicant.INDIVIDUAL_SELF_USE, Map.of(
                APP, List.of(DocumentGroup.of(APP_STORE_BACKEND_SCREENSHOT)),
                WEBSITE, List.of(DocumentGroup.of(ICP_FILING_SCREENSHOT)),
                WECHAT_OFFICIAL_ACCOUNT, List.of(DocumentGroup.of(WECHAT_ACCOUNT_SCREENSHOT)),
                WECHAT_MINI_PROGRAM, List.of(DocumentGroup.of(WECHAT_ACCOUNT_SCREENSHOT))));
        row(Applicant.FOR_OTHERS, Map.of(
                COMPANY, List.of(AUTHORIZATION, ENTITY),
                APP, List.of(AUTHORIZATION, ENTITY),
                WEBSITE, List.of(AUTHORIZATION, ENTITY),
                WECHAT_OFFICIAL_ACCOUNT, List.of(AUTHORIZATION, ENTITY),
                WECHAT_MINI_PROGRAM, List.of(AUTHORIZATION, ENTITY),
                TRADEMARK, List.of(AUTHORIZATION, ENTITY),
                GOVERNMENT, List.of(AUTHORIZATION, GOV)));
    }

    private static void row(Applicant applicant, Map<SignatureType, List<DocumentGroup>> cells) {
        TABLE.put(applicant, new EnumMap<>(cells));
    }

    private DocumentRequirements() {}

    /**
     * The required document groups, or empty when this account may not apply for this combination
     * (individuals: self-use of APP, WEBSITE and WECHAT_* only; only organisations apply for others).
     * International signatures need no documents.
     */
    public static Optional<List<DocumentGroup>> requiredFor(
            AccountType account, SignaturePurpose purpose, SignatureType type, boolean international) {
        Applicant applicant = applicant(account, purpose);
        if (applicant == null) {
            return Optional.empty();
        }
        List<DocumentGroup> groups = TABLE.get(applicant).get(type);
        if (groups == null) {
            return Optional.empty();
        }
        return Optional.of(international ? List.of() : groups);
    }

    /** Every kind that satisfies some group: the kinds the applicant gets upload URLs for. */
    public static Set<DocumentKind> acceptedKinds(List<DocumentGroup> groups) {
        Set<DocumentKind> kinds = new LinkedHashSet<>();
        groups.forEach(g -> kinds.addAll(g.anyOf()));
        return kinds;
    }

    private static Applicant applicant(AccountType account, SignaturePurpose purpose) {
        if (purpose == SignaturePurpose.FOR_OTHERS) {
            return account == AccountType.INDIVIDUAL ? null : Applicant.FOR_OTHERS;
        }
        return account == AccountType.INDIVIDUAL ? Applicant.INDIVIDUAL_SELF_USE : Applicant.ORGANISATION_SELF_USE;
    }
}
