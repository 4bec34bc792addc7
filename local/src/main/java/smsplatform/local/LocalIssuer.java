package smsplatform.local;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import smsplatform.json.Json;

/**
 * The local stack's token issuer and JWT authorizer (RS256), standing in for the identity provider
 * and API Gateway's JWT authorizer. Its key pair lives in the data dir, so tokens survive restarts.
 */
final class LocalIssuer {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** At most this many verified tokens are remembered; past it, the memory starts again. */
    private static final int VERIFIED_KEPT = 1_000;

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final StackPlan.JwtConfig config;
    /**
     * Tokens whose signature this key verified. A client sends the same token with every request, and an RS256
     * check is the authorizer's costliest step (the stack's JVM runs C1 alone, without the BigInteger intrinsics);
     * the claims (exp, nbf, iss, aud) are still checked on every request.
     */
    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    private LocalIssuer(PrivateKey privateKey, PublicKey publicKey, StackPlan.JwtConfig config) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.config = config;
    }

    /** Whether a stack has made its issuer's keys in this data dir (at its first start). */
    static boolean exists(Path dataDir) {
        return Files.exists(dataDir.resolve("jwt").resolve("private.key"))
                && Files.exists(dataDir.resolve("jwt").resolve("public.key"));
    }

    static LocalIssuer open(Path dataDir, StackPlan.JwtConfig config) throws IOException {
        Path dir = dataDir.resolve("jwt");
        Path privateFile = dir.resolve("private.key");
        Path publicFile = dir.resolve("public.key");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                Files.createDirectories(dir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.write(publicFile, Base64.getEncoder().encode(pair.getPublic().getEncoded()));
                PrivateFiles.write(privateFile, Base64.getEncoder().encode(pair.getPrivate().getEncoded()));
            }
            PrivateFiles.restrict(privateFile);
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(Files.readAllBytes(privateFile))));
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(Files.readAllBytes(publicFile))));
            return new LocalIssuer(privateKey, publicKey, config);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot read the local issuer's keys in " + dir, e);
        }
    }

    /** The public key as a JSON Web Key (RFC 7517), for the JWKS the console's OpenID configuration names. */
    Map<String, Object> publicJwk() {
        RSAPublicKey rsa = (RSAPublicKey) publicKey;
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", "sms-local");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", B64.encodeToString(unsigned(rsa.getModulus())));
        jwk.put("e", B64.encodeToString(unsigned(rsa.getPublicExponent())));
        return jwk;
    }

    /** A JWK integer is its big-endian bytes without the sign byte BigInteger may add. */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    String mint(String accountId, String accountType, boolean reviewer, Duration validFor) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", config.issuer());
        claims.put("aud", config.audiences().get(0));
        claims.put("sub", "user-" + accountId);
        claims.put("account_id", accountId);
        claims.put("account_type", accountType);
        claims.put("scope", reviewer ? "sms/send sms/reviewer" : "sms/send");
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(validFor).getEpochSecond());
        return sign(claims);
    }

    String sign(Map<String, Object> claims) {
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"sms-local\"}"
                .getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey);
            rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + B64.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token's verdict: its claims (as API Gateway passes them: strings), or why it is answered 401. */
    record Verdict(Optional<Map<String, String>> claims, String refusal) {
        static Verdict refused(String why) {
            return new Verdict(Optional.empty(), why);
        }
    }

    Verdict verify(String authorization) {
        if (authorization == null) {
            return Verdict.refused("no Authorization header");
        }
        String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : authorization.trim();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Verdict.refused("not a JWT (header.payload.signature)");
        }
        try {
            Map<String, Object> header = Json.parseObject(new String(B64D.decode(parts[0]), StandardCharsets.UTF_8));
            if (!"RS256".equals(header.get("alg"))) {
                return Verdict.refused("algorithm " + header.get("alg") + ", not RS256");
            }
            if (!verified.contains(token)) {
                Signature rs256 = Signature.getInstance("SHA256withRSA");
                rs256.initVerify(publicKey);
                rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
                if (!rs256.verify(B64D.decode(parts[2]))) {
                    return Verdict.refused("bad signature (not signed by this data dir's issuer key)");
                }
                if (verified.size() >= VERIFIED_KEPT) {
                    verified.clear();
                }
                verified.add(token);
            }
            Map<String, Object> claims = Json.parseObject(new String(B64D.decode(parts[1]), StandardCharsets.UTF_8));
            // AWS documents no clock-skew leeway for HTTP API JWT authorizers (exp must be after the current
            // time, nbf and iat before it), so none is allowed here either.
            long now = Instant.now().getEpochSecond();
            if (!(claims.get("exp") instanceof Number exp)) {
                return Verdict.refused("no exp claim");
            }
            if (exp.longValue() <= now) {
                return Verdict.refused("expired at " + Instant.ofEpochSecond(exp.longValue()));
            }
            if (!notAfter(claims.get("nbf"), now) || !notAfter(claims.get("iat"), now)) {
                return Verdict.refused("not valid yet (nbf or iat in the future)");
            }
            if (!config.issuer().equals(claims.get("iss"))) {
                return Verdict.refused("wrong issuer " + claims.get("iss") + ", expected " + config.issuer());
            }
            Object aud = claims.get("aud");
            List<?> audiences = aud instanceof List<?> l ? l : List.of(String.valueOf(aud));
            if (audiences.stream().noneMatch(a -> config.audiences().contains(String.valueOf(a)))) {
                return Verdict.refused("wrong audience " + aud + ", expected one of " + config.audiences());
            }
            Map<String, String> strings = new LinkedHashMap<>();
            claims.forEach((k, v) -> strings.put(k, v instanceof List<?> l
                    ? "[" + String.join(" ", l.stream().map(String::valueOf).toList()) + "]" : String.valueOf(v)));
            return new Verdict(Optional.of(strings), null);
        } catch (GeneralSecurityException | RuntimeException e) {
            return Verdict.refused("unreadable token (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** An optional time claim (nbf, iat): absent, or a NumericDate that is not in the future. */
    private static boolean notAfter(Object claim, long now) {
        return claim == null || claim instanceof Number time && time.longValue() <= now;
    }
}
