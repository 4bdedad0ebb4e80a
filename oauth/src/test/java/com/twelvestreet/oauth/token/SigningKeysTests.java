package com.twelvestreet.oauth.token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTests {

    @TempDir
    Path dir;

    @Test
    void shouldGenerateAKeyOnceAndReadTheSameKeyAfterARestart() throws Exception {
        Path file = dir.resolve("keys/signing-key.json");

        RSAKey first = SigningKeys.load(file, true);
        RSAKey second = SigningKeys.load(file, true);

        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.toRSAPrivateKey()).isEqualTo(first.toRSAPrivateKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void shouldWriteAKeyFileForASecretFromTheCommandLine() throws Exception {
        Path file = dir.resolve("secret/signing-key.json");

        SigningKeys.main(new String[] { file.toString() });

        assertThat(SigningKeys.load(file, false).isPrivate()).isTrue();
    }

    @Test
    void shouldRefuseToStartWithoutAKeyWhenGeneratingIsOff() {
        assertThatThrownBy(() -> SigningKeys.load(dir.resolve("missing.json"), false))
                .hasMessageContaining("No token signing key");
    }

    @Test
    void shouldRefuseAPublicKeyOnly() throws Exception {
        RSAKey key = SigningKeys.load(dir.resolve("full.json"), true);
        Path publicOnly = Files.writeString(dir.resolve("public.json"), key.toPublicJWK().toJSONString());

        assertThatThrownBy(() -> SigningKeys.load(publicOnly, false)).hasMessageContaining("no private part");
    }
}
