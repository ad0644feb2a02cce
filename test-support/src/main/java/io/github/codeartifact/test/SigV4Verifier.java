package io.github.codeartifact.test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Verifies SigV4 {@code Authorization} headers by computing the signature of the received
 * request with the documented algorithm (the canonical request of its signed headers and
 * payload, the string to sign with its {@code X-Amz-Date} and credential scope, the
 * derived signing key) and comparing the signatures in constant time.
 * <p>
 * Only the JDK's cryptography: no SDK signer, so that a user's SDK version cannot break
 * the emulator, and a client that does not sign {@code x-amz-content-sha256} (botocore,
 * the AWS CLI) is verified as well as the AWS SDK for Java, which does.
 * <p>
 * The request time is not checked against the clock: tests move the emulator's clock
 * freely while clients sign with the real time.
 */
final class SigV4Verifier {

	private static final String ALGORITHM = "AWS4-HMAC-SHA256";

	private static final String HMAC = "HmacSHA256";

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter SCOPE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd")
		.withZone(ZoneOffset.UTC);

	private final Map<String, String> secretsByAccessKey;

	private final String region;

	private final String service;

	SigV4Verifier(Map<String, String> secretsByAccessKey, String region, String service) {
		this.secretsByAccessKey = Map.copyOf(secretsByAccessKey);
		this.region = region;
		this.service = service;
	}

	/**
	 * Verifies a request.
	 * @param request the request as received
	 * @return the rejection, or {@code null} when the signature is valid
	 */
	@Nullable ApiError verify(HttpRequestMessage request) {
		String authorization = request.header("Authorization");
		if (authorization == null) {
			return ApiError.of(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
		}
		if (!authorization.startsWith(ALGORITHM + " ")) {
			return incomplete("Authorization header requires the " + ALGORITHM + " algorithm.");
		}
		Map<String, String> components = components(authorization.substring(ALGORITHM.length() + 1));
		String credential = components.get("Credential");
		String signedHeaders = components.get("SignedHeaders");
		String signature = components.get("Signature");
		if (credential == null || signedHeaders == null || signature == null) {
			return incomplete("Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.");
		}
		String[] scope = credential.split("/");
		if (scope.length != 5) {
			return incomplete("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term.");
		}
		Instant signingTime = signingTime(request.header("X-Amz-Date"));
		if (signingTime == null) {
			return incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
		}
		String secret = this.secretsByAccessKey.get(scope[0]);
		if (secret == null) {
			return ApiError.of(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
		}
		ApiError scopeError = checkScope(scope, signingTime);
		if (scopeError != null) {
			return scopeError;
		}
		String expected = expectedSignature(request, scope, signedHeaders, secret, signingTime);
		if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII))) {
			return invalidSignature("The request signature we calculated does not match the signature you provided. "
					+ "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
		}
		return null;
	}

	/**
	 * Returns the access key id of a request's {@code Authorization} header.
	 * @param request the request
	 * @return the access key id or {@code null}
	 */
	static @Nullable String accessKeyId(HttpRequestMessage request) {
		String authorization = request.header("Authorization");
		if (authorization == null || !authorization.startsWith(ALGORITHM + " ")) {
			return null;
		}
		String credential = components(authorization.substring(ALGORITHM.length() + 1)).get("Credential");
		return (credential != null) ? credential.split("/")[0] : null;
	}

	private @Nullable ApiError checkScope(String[] scope, Instant signingTime) {
		if (!scope[1].equals(SCOPE_DATE.format(signingTime))) {
			return invalidSignature("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
					+ scope[1] + "' != '" + SCOPE_DATE.format(signingTime) + "', from 'X-Amz-Date'.");
		}
		if (!scope[2].equals(this.region)) {
			return invalidSignature("Credential should be scoped to a valid region, not '" + scope[2] + "'. ");
		}
		if (!scope[3].equals(this.service)) {
			return invalidSignature("Credential should be scoped to correct service: '" + this.service + "'. ");
		}
		if (!scope[4].equals("aws4_request")) {
			return invalidSignature("Credential should be scoped with a valid terminator: 'aws4_request', not '"
					+ scope[4] + "'. ");
		}
		return null;
	}

	private @Nullable String expectedSignature(HttpRequestMessage request, String[] scope, String signedHeaders,
			String secret, Instant signingTime) {
		String canonicalRequest = SigV4CanonicalRequest.of(request, signedHeaders);
		if (canonicalRequest == null) {
			return null;
		}
		String credentialScope = String.join("/", scope[1], scope[2], scope[3], scope[4]);
		String stringToSign = ALGORITHM + "\n" + AMZ_DATE.format(signingTime) + "\n" + credentialScope + "\n"
				+ Digests.hex("SHA-256", canonicalRequest.getBytes(StandardCharsets.UTF_8));
		byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[1]);
		for (int i = 2; i < scope.length; i++) {
			key = hmac(key, scope[i]);
		}
		return HexFormat.of().formatHex(hmac(key, stringToSign));
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(new SecretKeySpec(key, HMAC));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java platform has " + HMAC, ex);
		}
	}

	private static @Nullable Instant signingTime(@Nullable String amzDate) {
		if (amzDate == null) {
			return null;
		}
		try {
			return Instant.from(AMZ_DATE.parse(amzDate));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Map<String, String> components(String parameters) {
		Map<String, String> components = new HashMap<>();
		for (String part : parameters.split(",")) {
			int equals = part.indexOf('=');
			if (equals > 0) {
				components.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
			}
		}
		return components;
	}

	private static ApiError incomplete(String message) {
		return ApiError.of(403, "IncompleteSignatureException", message);
	}

	private static ApiError invalidSignature(String message) {
		return ApiError.of(403, "InvalidSignatureException", message);
	}

}
