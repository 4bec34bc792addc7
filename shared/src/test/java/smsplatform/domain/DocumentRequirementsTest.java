package smsplatform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.domain.DocumentKind.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DESIGN §5.3, cell by cell. */
class DocumentRequirementsTest {

    static List<List<DocumentKind>> required(AccountType account, SignaturePurpose purpose, SignatureType type) {
        return DocumentRequirements.requiredFor(account, purpose, type, false).orElseThrow()
                .stream().map(DocumentGroup::anyOf).toList();
    }

    static final List<DocumentKind> ENTITY = List.of(BUSINESS_LICENSE, ORGANIZATION_CODE_CERTIFICATE, SOCIAL_CREDIT_CODE_CERTIFICATE);
    static final List<DocumentKind> GOV = List.of(ORGANIZATION_CODE_CERTIFICATE, SOCIAL_CREDIT_CODE_CERTIFICATE,
            PUBLIC_INSTITUTION_LEGAL_PERSON_CERTIFICATE);

    @ParameterizedTest
    @EnumSource(value = AccountType.class, names = {"ENTERPRISE", "PUBLIC_INSTITUTION"})
    void organisationsSelfUse(AccountType account) {
        SignaturePurpose self = SignaturePurpose.SELF_USE;
        assertThat(required(account, self, SignatureType.COMPANY)).containsExactly(ENTITY);
        assertThat(required(account, self, SignatureType.APP)).containsExactly(ENTITY, List.of(APP_STORE_BACKEND_SCREENSHOT));
        assertThat(required(account, self, SignatureType.WEBSITE)).containsExactly(ENTITY, List.of(ICP_FILING_SCREENSHOT));
        assertThat(required(account, self, SignatureType.WECHAT_OFFICIAL_ACCOUNT)).containsExactly(ENTITY, List.of(WECHAT_ACCOUNT_SCREENSHOT));
        assertThat(required(account, self, SignatureType.WECHAT_MINI_PROGRAM)).containsExactly(ENTITY, List.of(WECHAT_ACCOUNT_SCREENSHOT));
        assertThat(required(account, self, SignatureType.TRADEMARK)).containsExactly(ENTITY, List.of(TRADEMARK_REGISTRATION_CERTIFICATE));
        assertThat(required(account, self, SignatureType.GOVERNMENT)).containsExactly(GOV);
    }

    @Test
    void individualsSelfUseOnlyAppsWebsitesAndWechatWithTheirScreenshotAlone() {
        AccountType me = AccountType.INDIVIDUAL;
        SignaturePurpose self = SignaturePurpose.SELF_USE;
        assertThat(required(me, self, SignatureType.APP)).containsExactly(List.of(APP_STORE_BACKEND_SCREENSHOT));
        assertThat(required(me, self, SignatureType.WEBSITE)).containsExactly(List.of(ICP_FILING_SCREENSHOT));
        assertThat(required(me, self, SignatureType.WECHAT_OFFICIAL_ACCOUNT)).containsExactly(List.of(WECHAT_ACCOUNT_SCREENSHOT));
        assertThat(required(me, self, SignatureType.WECHAT_MINI_PROGRAM)).containsExactly(List.of(WECHAT_ACCOUNT_SCREENSHOT));
        for (SignatureType type : List.of(SignatureType.COMPANY, SignatureType.TRADEMARK, SignatureType.GOVERNMENT)) {
            assertThat(DocumentRequirements.requiredFor(me, self, type, false)).as(type.name()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureType.class)
    void forOthersNeedsTheAuthorisationLetterAndTheOwnersCertificate(SignatureType type) {
        List<DocumentKind> owner = type == SignatureType.GOVERNMENT ? GOV : ENTITY;
        assertThat(required(AccountType.ENTERPRISE, SignaturePurpose.FOR_OTHERS, type))
                .containsExactly(List.of(AUTHORIZATION_LETTER), owner);
        assertThat(required(AccountType.PUBLIC_INSTITUTION, SignaturePurpose.FOR_OTHERS, type))
                .containsExactly(List.of(AUTHORIZATION_LETTER), owner);
        assertThat(DocumentRequirements.requiredFor(AccountType.INDIVIDUAL, SignaturePurpose.FOR_OTHERS, type, false))
                .as("only enterprises and public institutions apply for others").isEmpty();
    }

    @Test
    void internationalSignaturesNeedNoDocuments() {
        assertThat(DocumentRequirements.requiredFor(AccountType.ENTERPRISE, SignaturePurpose.SELF_USE,
                SignatureType.COMPANY, true)).contains(List.of());
    }
}
