package io.github.codeartifact.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Verifies SigV4 {@code Authorization} headers by signing the received request again
 * with the AWS SDK's own signer and comparing the signatures.
 * <p>
 * The request time is not checked against the clock: tests move the emulator's clock
 * freely while clients sign with the real time.
 */
final class SigV4Verifier {

	private static final String ALGORITHM = "AWS4-HMAC-SHA256";

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter SCOPE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd")
		.withZone(ZoneOffset.UTC);

	private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

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
		SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
			.protocol("http")
			.method(SdkHttpMethod.fromValue(request.method()))
			.encodedPath(request.rawPath());
		String host = request.header("Host");
		applyHost(unsigned, (host != null) ? host : "127.0.0.1");
		request.queryParameters().forEach(unsigned::putRawQueryParameter);
		for (String name : signedHeaders.split(";")) {
			List<String> values = request.headerValues(name);
			if (values.isEmpty()) {
				// A signed header that did not arrive cannot match.
				return null;
			}
			unsigned.putHeader(name, values);
		}
		String sessionToken = request.header("X-Amz-Security-Token");
		AwsCredentialsIdentity identity = (sessionToken != null)
				? AwsSessionCredentialsIdentity.create(scope[0], secret, sessionToken)
				: AwsCredentialsIdentity.create(scope[0], secret);
		SignedRequest signed = this.signer.sign((sign) -> sign.identity(identity)
			.request(unsigned.build())
			.payload(ContentStreamProvider.fromByteArray(request.body()))
			.putProperty(AwsV4HttpSigner.REGION_NAME, scope[2])
			.putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, scope[3])
			.putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signingTime, ZoneOffset.UTC)));
		String recomputed = signed.request().firstMatchingHeader("Authorization").orElse("");
		return components(recomputed.substring(Math.min(recomputed.length(), ALGORITHM.length() + 1))).get("Signature");
	}

	private static void applyHost(SdkHttpRequest.Builder builder, String host) {
		int colon = host.lastIndexOf(':');
		if (colon > 0 && host.indexOf(']') < colon) {
			builder.host(host.substring(0, colon));
			try {
				builder.port(Integer.parseInt(host.substring(colon + 1)));
			}
			catch (NumberFormatException ex) {
				builder.port(80);
			}
		}
		else {
			builder.host(host).port(80);
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
