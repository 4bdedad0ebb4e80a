package com.twelvestreet.oauth.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key that signs every token. It is never committed: it is read from a file (a mounted
 * Secret in Kubernetes) or, for local runs, generated once and kept in that file, so a restart does
 * not invalidate the tokens already handed out.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private SigningKeys() {
    }

    /**
     * Writes a new key file for a Kubernetes Secret, from the oauth image itself:
     * {@code docker run --rm -v "$PWD:/out" --entrypoint java <oauth image> -cp @/app/jib-classpath-file
     * com.twelvestreet.oauth.token.SigningKeys /out/signing-key.json}. An existing file is kept.
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SigningKeys <file to write>");
            System.exit(2);
        }
        System.out.println("key " + load(Path.of(args[0]), true).getKeyID() + " in " + args[0]);
    }

    public static RSAKey load(Path location, boolean generateIfMissing) {
        try {
            if (Files.exists(location)) {
                RSAKey key = JWK.parse(Files.readString(location, StandardCharsets.UTF_8)).toRSAKey();
                if (!key.isPrivate()) {
                    throw new IllegalStateException("The signing key in " + location + " has no private part");
                }
                log.info("Token signing key {} read from {}", key.getKeyID(), location);
                return key;
            }
            if (!generateIfMissing) {
                throw new IllegalStateException("No token signing key at " + location
                        + " and twelvestreet.oauth.signing-key.generate-if-missing is false");
            }
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            write(location, key);
            log.info("Token signing key {} generated and kept in {}", key.getKeyID(), location);
            return key;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read or write the token signing key at " + location, ex);
        }
        catch (ParseException | JOSEException ex) {
            throw new IllegalStateException("The token signing key at " + location + " is not a valid RSA JWK", ex);
        }
    }

    private static void write(Path location, RSAKey key) throws IOException {
        Path parent = location.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, "signing-key", ".tmp");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        }
        catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the folder's own permissions have to do
        }
        Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
        Files.move(temporary, location);
    }
}
