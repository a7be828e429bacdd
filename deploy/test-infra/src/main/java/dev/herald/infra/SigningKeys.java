package dev.herald.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs bearer tokens: generated once into a directory, then reused.
 * Services verify with {@code publicKey.pem}; only the local stack and tests hold the private key.
 */
public final class SigningKeys {

    private static final String PRIVATE_KEY = "privateKey.pem";
    private static final String PUBLIC_KEY = "publicKey.pem";

    private final Path directory;
    private final PrivateKey privateKey;

    private SigningKeys(Path directory, PrivateKey privateKey) {
        this.directory = directory;
        this.privateKey = privateKey;
    }

    /** Loads the key pair from {@code directory}, generating it first if it is not there. */
    public static SigningKeys inDirectory(Path directory) {
        try {
            Path privateFile = directory.resolve(PRIVATE_KEY);
            if (!Files.exists(privateFile)) {
                generate(directory);
            }
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(privateFile)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new SigningKeys(directory, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable signing key in " + directory, e);
        }
    }

    private static void generate(Path directory) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Path privateFile = directory.resolve(PRIVATE_KEY);
        Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        privateFile.toFile().setReadable(false, false);
        privateFile.toFile().setReadable(true, true);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    public Path publicKeyFile() {
        return directory.resolve(PUBLIC_KEY);
    }

    PrivateKey privateKey() {
        return privateKey;
    }
}
