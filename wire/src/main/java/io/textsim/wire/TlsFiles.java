package io.textsim.wire;

import io.textsim.wire.TlsFileException.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks the PEM files of a TLS set-up (server or client) before it is used: the
 * certificate chain parses, the private key is unencrypted PKCS#8 of a kind the JDK reads, and the
 * key is the one of the chain's first certificate (a test signature made with the key verifies with
 * the certificate's public key). gRPC's own loading accepts a mismatched pair and then fails every
 * handshake without a word; a PKCS#1 key it refuses with an ASN.1 parse error.
 *
 * <p>The bytes returned are the bytes checked, to be handed to the TLS credentials as they are, so
 * that a file replaced in between cannot slip past the check.
 */
public final class TlsFiles {
  /** The command that turns a PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 key into PKCS#8. */
  public static final String CONVERT_COMMAND =
      "openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem";

  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

  /** The JDK key algorithms tried for a PKCS#8 key, with the signature that checks the pair. */
  private static final String[][] KEY_ALGORITHMS = {
    {"RSA", "SHA256withRSA"},
    {"EC", "SHA256withECDSA"},
    {"Ed25519", "Ed25519"},
    {"Ed448", "Ed448"},
    {"DSA", "SHA256withDSA"},
  };

  private TlsFiles() {}

  /** A certificate chain and its private key, as checked: PEM bytes. */
  public record KeyPairFiles(byte[] certificateChain, byte[] privateKey) {
    /** Copies the arrays. */
    public KeyPairFiles {
      certificateChain = certificateChain.clone();
      privateKey = privateKey.clone();
    }

    @Override
    public byte[] certificateChain() {
      return certificateChain.clone();
    }

    @Override
    public byte[] privateKey() {
      return privateKey.clone();
    }
  }

  /**
   * Reads a certificate chain and its private key and checks that they belong together.
   *
   * @throws TlsFileException naming the file at fault: unreadable, no certificate, a key that is
   *     encrypted, PKCS#1 or SEC1 (the message says how to convert it), of an unknown algorithm, or
   *     not the key of the chain's first certificate
   */
  public static KeyPairFiles readKeyPair(Path certificateChain, Path privateKey)
      throws TlsFileException {
    byte[] chainBytes = read(Role.CERTIFICATE_CHAIN, certificateChain);
    X509Certificate leaf =
        certificates(Role.CERTIFICATE_CHAIN, certificateChain, chainBytes).get(0);
    byte[] keyBytes = read(Role.PRIVATE_KEY, privateKey);
    checkPair(leaf, certificateChain, privateKey, keyBytes);
    return new KeyPairFiles(chainBytes, keyBytes);
  }

  /**
   * Reads CA certificates (PEM, at least one).
   *
   * @throws TlsFileException if the file cannot be read or holds no certificate
   */
  public static byte[] readTrustedCertificates(Path file) throws TlsFileException {
    byte[] bytes = read(Role.TRUSTED_CERTIFICATES, file);
    certificates(Role.TRUSTED_CERTIFICATES, file, bytes);
    return bytes;
  }

  private static byte[] read(Role role, Path file) throws TlsFileException {
    try {
      if (!Files.isRegularFile(file)) {
        throw new TlsFileException(
            role, file, Files.exists(file) ? "not a regular file" : "no such file");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new TlsFileException(role, file, "no such file");
    } catch (IOException e) {
      throw new TlsFileException(role, file, "cannot read it (" + e.getMessage() + ")");
    }
  }

  private static List<X509Certificate> certificates(Role role, Path file, byte[] bytes)
      throws TlsFileException {
    Collection<? extends java.security.cert.Certificate> parsed;
    try {
      parsed =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(bytes));
    } catch (CertificateException e) {
      throw new TlsFileException(
          role, file, "not a PEM certificate (" + oneLine(e.getMessage()) + ")");
    }
    List<X509Certificate> out = new ArrayList<>();
    for (java.security.cert.Certificate c : parsed) {
      if (c instanceof X509Certificate x) {
        out.add(x);
      }
    }
    if (out.isEmpty()) {
      throw new TlsFileException(role, file, "no PEM certificate in it");
    }
    return out;
  }

  private static void checkPair(X509Certificate leaf, Path certFile, Path keyFile, byte[] keyBytes)
      throws TlsFileException {
    String text = new String(keyBytes, StandardCharsets.US_ASCII);
    Matcher m = PEM_BLOCK.matcher(text);
    byte[] der = null;
    while (m.find()) {
      String type = m.group(1);
      switch (type) {
        case "PRIVATE KEY" -> der = base64(keyFile, m.group(2));
        case "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY" ->
            throw new TlsFileException(
                Role.PRIVATE_KEY,
                keyFile,
                "a "
                    + (type.startsWith("RSA") ? "PKCS#1" : "traditional")
                    + " "
                    + type.substring(0, type.indexOf(' '))
                    + " key, and only PKCS#8 keys are read; convert it with: "
                    + CONVERT_COMMAND);
        case "ENCRYPTED PRIVATE KEY" ->
            throw new TlsFileException(
                Role.PRIVATE_KEY,
                keyFile,
                "an encrypted key, and only unencrypted PKCS#8 keys are read; decrypt it with: openssl pkcs8"
                    + " -in key.pem -out key-pkcs8.pem");
        default -> {
          // EC PARAMETERS and the like: not the key
        }
      }
      if (der != null) {
        break;
      }
    }
    if (der == null) {
      throw new TlsFileException(
          Role.PRIVATE_KEY, keyFile, "no PEM private key in it (-----BEGIN PRIVATE KEY-----)");
    }
    for (String[] algorithm : KEY_ALGORITHMS) {
      PrivateKey key;
      try {
        key = KeyFactory.getInstance(algorithm[0]).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        continue; // not this algorithm
      }
      if (!signs(key, algorithm[1], leaf.getPublicKey())) {
        throw new TlsFileException(
            Role.PRIVATE_KEY,
            keyFile,
            "not the private key of the certificate in " + certFile + " (they do not match)");
      }
      return;
    }
    throw new TlsFileException(
        Role.PRIVATE_KEY,
        keyFile,
        "not a PKCS#8 key of a supported algorithm (RSA, EC, Ed25519, Ed448, DSA)");
  }

  /** True if a signature made with {@code key} verifies with {@code certified}. */
  private static boolean signs(PrivateKey key, String algorithm, PublicKey certified) {
    if (!certified.getAlgorithm().equalsIgnoreCase(key.getAlgorithm())
        && !(isEdDsa(certified) && isEdDsa(key))) {
      return false;
    }
    byte[] challenge = new byte[32];
    new SecureRandom().nextBytes(challenge);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certified);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false; // e.g. an EC key on another curve than the certificate's
    }
  }

  private static boolean isEdDsa(java.security.Key key) {
    String a = key.getAlgorithm().toUpperCase(Locale.ROOT);
    return a.equals("EDDSA") || a.equals("ED25519") || a.equals("ED448");
  }

  private static byte[] base64(Path file, String body) throws TlsFileException {
    try {
      return Base64.getMimeDecoder().decode(body.strip());
    } catch (IllegalArgumentException e) {
      throw new TlsFileException(Role.PRIVATE_KEY, file, "a PEM key that is not base64");
    }
  }

  private static String oneLine(String s) {
    return s == null ? "unreadable" : s.replaceAll("\\s+", " ").strip();
  }
}
