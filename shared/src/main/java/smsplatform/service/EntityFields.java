package smsplatform.service;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import smsplatform.domain.Failure;
import smsplatform.domain.SignatureType;

/**
 * Which {@code entity} fields each signature type needs (DESIGN §4): {@code name} always. Only the
 * fields of §4 are taken, each at most {@link #MAX_LENGTH} characters, so a signature's size is bounded.
 */
final class EntityFields {

    static final int MAX_LENGTH = 256;
    private static final Set<String> KNOWN = Set.of("name", "appStoreUrl", "domain", "icpNumber", "wechatAccountName",
            "trademarkNumber");

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
        entity.forEach((field, value) -> {
            if (!KNOWN.contains(field)) {
                throw Failure.invalid("InvalidParameterValue.EntityField", "entity has no field '" + field
                        + "'; it takes " + new TreeSet<>(KNOWN), "entity." + field);
            }
            if (value != null && value.length() > MAX_LENGTH) {
                throw Failure.invalid("InvalidParameterValue.EntityField", "entity." + field + " is longer than "
                        + MAX_LENGTH + " characters", "entity." + field);
            }
        });
        for (String field : REQUIRED.get(type)) {
            String value = entity.get(field);
            if (value == null || value.isBlank()) {
                throw Failure.missingField("entity." + field);
            }
        }
    }
}
