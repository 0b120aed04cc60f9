package io.textsim.server;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away public key infrastructure made at test time: a CA, a server certificate for
 * localhost and 127.0.0.1, a client certificate, and a second CA that signed nothing the server
 * trusts. Files are PEM (keys PKCS#8), as the server's flags expect. No key is ever committed.
 */
record TestPki(
    Path caCert,
    Path serverCert,
    Path serverKey,
    Path clientCert,
    Path clientKey,
    Path strangerCert,
    Path strangerKey) {

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  static TestPki create(Path dir) throws IOException, GeneralSecurityException {
    try {
      KeyPair ca = keyPair();
      X500Name caName = new X500Name("CN=textsim test CA");
      X509Certificate caCert =
          sign(
              builder(caName, caName, ca)
                  .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                  .addExtension(
                      Extension.keyUsage,
                      true,
                      new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
              ca.getPrivate());

      KeyPair server = keyPair();
      X509Certificate serverCert =
          sign(
              builder(caName, new X500Name("CN=localhost"), server)
                  .addExtension(
                      Extension.subjectAlternativeName,
                      false,
                      new GeneralNames(
                          new GeneralName[] {
                            new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                          }))
                  .addExtension(
                      Extension.extendedKeyUsage,
                      false,
                      new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth)),
              ca.getPrivate());

      KeyPair client = keyPair();
      X509Certificate clientCert =
          sign(
              builder(caName, new X500Name("CN=textsim test client"), client)
                  .addExtension(
                      Extension.extendedKeyUsage,
                      false,
                      new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)),
              ca.getPrivate());

      KeyPair stranger = keyPair();
      X500Name strangerName = new X500Name("CN=stranger");
      X509Certificate strangerCert =
          sign(builder(strangerName, strangerName, stranger), stranger.getPrivate());

      TestPki pki =
          new TestPki(
              dir.resolve("ca.pem"),
              dir.resolve("server.pem"),
              dir.resolve("server.key"),
              dir.resolve("client.pem"),
              dir.resolve("client.key"),
              dir.resolve("stranger.pem"),
              dir.resolve("stranger.key"));
      writeCert(pki.caCert(), caCert);
      writeCert(pki.serverCert(), serverCert);
      writeKey(pki.serverKey(), server.getPrivate());
      writeCert(pki.clientCert(), clientCert);
      writeKey(pki.clientKey(), client.getPrivate());
      writeCert(pki.strangerCert(), strangerCert);
      writeKey(pki.strangerKey(), stranger.getPrivate());
      return pki;
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        BigInteger.valueOf(SERIAL.incrementAndGet()),
        Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(Duration.ofDays(1))),
        subject,
        keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
  }

  private static void writeCert(Path path, X509Certificate cert)
      throws IOException, GeneralSecurityException {
    Files.writeString(path, pem("CERTIFICATE", cert.getEncoded()), StandardCharsets.US_ASCII);
  }

  private static void writeKey(Path path, PrivateKey key) throws IOException {
    // getEncoded() of a JDK EC private key is PKCS#8.
    Files.writeString(path, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
  }

  /**
   * Writes a fresh RSA key in PKCS#1 form ({@code BEGIN RSA PRIVATE KEY}), as {@code openssl
   * genrsa} of OpenSSL 1.x does, for the tests that check such a key is refused with advice.
   */
  static void writePkcs1RsaKey(Path path) throws IOException, GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    byte[] pkcs1 =
        PrivateKeyInfo.getInstance(g.generateKeyPair().getPrivate().getEncoded())
            .parsePrivateKey()
            .toASN1Primitive()
            .getEncoded();
    Files.writeString(path, pem("RSA PRIVATE KEY", pkcs1), StandardCharsets.US_ASCII);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
