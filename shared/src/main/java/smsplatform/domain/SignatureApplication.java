package smsplatform.domain;

import java.util.Map;

/** What the applicant asks for, after validation: the body of POST/PUT /v1/signatures. */
public record SignatureApplication(
        String name,
        SignatureType type,
        SignaturePurpose purpose,
        boolean international,
        Map<String, String> entity,
        String remark) {

    public SignatureApplication {
        entity = Map.copyOf(entity);
    }
}
