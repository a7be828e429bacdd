package dev.herald.infra;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Issues MicroProfile JWT bearer tokens that Herald's services accept. */
public final class Tokens {

    /** The issuer every service verifies ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "https://herald.local/issuer";

    /** The audience ({@code aud}) of the tokens, which a service checks when {@code mp.jwt.verify.audiences} names it. */
    public static final String AUDIENCE = "herald";

    private final SigningKeys keys;

    public Tokens(SigningKeys keys) {
        this.keys = keys;
    }

    /** A token for {@code subject} holding {@code roles} (the {@code groups} claim), valid for {@code lifetime}. */
    public String issue(String subject, Duration lifetime, String... roles) {
        return issueFor(AUDIENCE, subject, lifetime, roles);
    }

    /** The same for another audience. */
    public String issueFor(String audience, String subject, Duration lifetime, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.of(roles));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(lifetime.toMinutes());
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.privateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }
}
