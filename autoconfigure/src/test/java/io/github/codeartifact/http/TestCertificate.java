package io.github.codeartifact.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;

/**
 * A self-signed certificate for {@code 127.0.0.1} and {@code localhost}, generated once per test
 * run with the JDK's {@code keytool} into a temporary PKCS12 key store: the server side of the
 * HTTPS tests, and the trust of their clients.
 */
final class TestCertificate {

	static final String PASSWORD = "test-password";

	private static TestCertificate instance;

	private final Path keyStoreFile;

	private final KeyStore keyStore;

	private TestCertificate(Path keyStoreFile) {
		this.keyStoreFile = keyStoreFile;
		try (InputStream in = Files.newInputStream(keyStoreFile)) {
			this.keyStore = KeyStore.getInstance("PKCS12");
			this.keyStore.load(in, PASSWORD.toCharArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static synchronized TestCertificate get() {
		if (instance == null) {
			instance = new TestCertificate(generate());
		}
		return instance;
	}

	private static Path generate() {
		try {
			Path directory = Files.createTempDirectory("codeartifact-tls");
			directory.toFile().deleteOnExit();
			Path file = directory.resolve("test.p12");
			Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
			Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "test",
					"-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost", "-ext",
					"SAN=ip:127.0.0.1,dns:localhost", "-keystore", file.toString(), "-storetype", "PKCS12",
					"-storepass", PASSWORD, "-keypass", PASSWORD, "-noprompt"))
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("keytool failed: " + output);
			}
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns the TLS context of the server: the certificate and its key.
	 */
	SSLContext serverContext() {
		try {
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(this.keyStore, PASSWORD.toCharArray());
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(this.keyStore);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns an SSL bundle that trusts the certificate, for Boot's HTTP client builders.
	 */
	SslBundle clientBundle() {
		return SslBundle.of(SslStoreBundle.of(null, null, this.keyStore));
	}

	/**
	 * Returns the properties of an SSL bundle {@code name} that trusts the certificate.
	 */
	List<String> bundleProperties(String name) {
		String prefix = "spring.ssl.bundle.jks." + name + ".truststore.";
		return List.of(prefix + "location=file:" + this.keyStoreFile, prefix + "password=" + PASSWORD,
				prefix + "type=PKCS12");
	}

}
