package io.github.codeartifact.test;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The content digests that package tools check downloads against, and that SigV4 and the token
 * registry use (SHA-256).
 */
final class Digests {

	private Digests() {
	}

	static byte[] digest(String algorithm, byte[] content) {
		try {
			return MessageDigest.getInstance(algorithm).digest(content);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has " + algorithm, ex);
		}
	}

	/**
	 * Returns a digest in lower-case hex, as Maven's checksum files, npm's {@code shasum},
	 * PEP 503's {@code #sha256=} and SigV4's payload and canonical-request hashes carry it.
	 * @param algorithm the JCA algorithm name, such as {@code SHA-1}
	 * @param content the content
	 * @return the hex digest
	 */
	static String hex(String algorithm, byte[] content) {
		return HexFormat.of().formatHex(digest(algorithm, content));
	}

	/**
	 * Returns the Subresource Integrity string npm puts in {@code dist.integrity}.
	 * @param content the content
	 * @return {@code sha512-<base64>}
	 */
	static String integrity(byte[] content) {
		return "sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", content));
	}

}
