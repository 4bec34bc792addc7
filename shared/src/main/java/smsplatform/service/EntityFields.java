package smsplatform.service;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import smsplatform.domain.Failure;
import smsplatform.domain.SignatureType;

/** Which {@code entity} fields each signature type needs (DESIGN §4): {@code name} always. */
final class EntityFields {

    private static final Map<SignatureType, List<String>> REQUIRED = new EnumMap<>(Map.of(
            SignatureType.COMPANY, List.of("name"),
            SignatureType.APP, List.of("name", "appStoreUrl"),
            SignatureType.WEBSITE, List.of("name", "domain", "icpNumber"),
            SignatureType.WECHAT_OFFICIAL_ACCOUNT, List.of("name", "wechatAccountName"),
            SignatureType.WECHAT_MINI_PROGRAM, List.of("name", "wechatAccountName"),
            SignatureType.TRADEMARK, List.of("name", "trademarkNumber"),
            SignatureType.GOVERNMENT, List.of("name")));

    private EntityFields() {}

    static void check(SignatureType type, Map<String, String> entity) {
        for (String field : REQUIRED.get(type)) {
            String value = entity.get(field);
            if (value == null || value.isBlank()) {
                throw Failure.missingField("entity." + field);
            }
        }
    }
}
