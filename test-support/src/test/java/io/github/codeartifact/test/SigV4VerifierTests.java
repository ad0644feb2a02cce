package io.github.codeartifact.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link SigV4Verifier} against signatures of independent signers: the AWS SDK
 * for Java's public signer (which signs {@code x-amz-content-sha256}) and botocore, the AWS
 * CLI's signer (which does not).
 */
class SigV4VerifierTests {

	private static final String ACCESS_KEY = "AKIDEXAMPLE";

	private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

	private final SigV4Verifier verifier = new SigV4Verifier(Map.of(ACCESS_KEY, SECRET), "us-east-1", "service");

	/**
	 * The AWS SigV4 test suite's get-vanilla case, and requests signed by botocore 1.43.11
	 * ({@code SigV4Auth(credentials, "service", "us-east-1").add_auth(request)}) at
	 * 20261201T152850Z: what the AWS CLI sends, with only {@code host} and
	 * {@code x-amz-date} (and the content type) signed.
	 */
	static Stream<Arguments> botocoreSignatures() {
		return Stream.of(
				arguments("GET", "/", null, "", "20150830T123600Z", "host;x-amz-date",
						"5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
				arguments("GET", "/", null, "", "20261201T152850Z", "host;x-amz-date",
						"530b2e698bee38f80c541b11e40cd007f8b2a7d88f3e5db8303c9729ac5d3d91"),
				arguments("GET", "/", "Param2=value2&Param1=value1", "", "20261201T152850Z", "host;x-amz-date",
						"db33b1d6a92fb12109b7446589234c38d79b12a7a7dd2f866f55928e717acba9"),
				arguments("GET", "/a%20b/c~d", "key=va%2Blue&k%C3%A9y=%E2%82%AC&empty=", "", "20261201T152850Z",
						"host;x-amz-date", "e05d913c4b022f76c98259ec93f66078f7e5a30f619eb49fc547f876fdd5d391"),
				arguments("POST", "/v1/authorization-token", "domain=my-domain&duration=900", "{}",
						"20261201T152850Z", "content-type;host;x-amz-date",
						"a84a897efad2f069d3d11c921c0d42f6833a6607808670e7a2f60339cbb71205"));
	}

	@ParameterizedTest
	@MethodSource("botocoreSignatures")
	void acceptsBotocoreSignatures(String method, String path, String query, String body, String amzDate,
			String signedHeaders, String signature) {
		HttpRequestMessage request = botocoreRequest(method, path, query, body, amzDate, signedHeaders, signature);
		assertThat(this.verifier.verify(request)).isNull();
	}

	@ParameterizedTest
	@MethodSource("botocoreSignatures")
	void rejectsBotocoreSignaturesOfAnotherPayload(String method, String path, String query, String body,
			String amzDate, String signedHeaders, String signature) {
		HttpRequestMessage request = botocoreRequest(method, path, query, body + " ", amzDate, signedHeaders,
				signature);
		assertThat(this.verifier.verify(request)).extracting(ApiError::errorType).isEqualTo("InvalidSignatureException");
	}

	static Stream<Arguments> sdkRequests() {
		return Stream.of(arguments("GET", "/v1/repository/endpoint", Map.of("domain", "my-domain", "format", "maven"), ""),
				arguments("POST", "/v1/authorization-token", Map.of("domain", "my-domain", "duration", "900"), "{}"),
				arguments("GET", "/a b/ü/c~d+e", Map.of("k é y", "€ + &=", "empty", ""), ""),
				arguments("PUT", "/com/example/lib/1.0/lib-1.0.jar", Map.of(), "payload bytes"),
				arguments("GET", "/dots/./and/../segments/", Map.of("Z", "1", "a", "2"), ""));
	}

	@ParameterizedTest
	@MethodSource("sdkRequests")
	void acceptsSignaturesOfTheSdksPublicSigner(String method, String path, Map<String, String> query, String body) {
		assertThat(this.verifier.verify(sdkSigned(method, path, query, body, body))).isNull();
	}

	@ParameterizedTest
	@MethodSource("sdkRequests")
	void rejectsSdkSignaturesOfAnotherPayload(String method, String path, Map<String, String> query, String body) {
		assertThat(this.verifier.verify(sdkSigned(method, path, query, body, body + "tampered")))
			.extracting(ApiError::errorType)
			.isEqualTo("InvalidSignatureException");
	}

	@Test
	void rejectsASignatureWhoseSignedHeaderDidNotArrive() {
		HttpRequestMessage request = botocoreRequest("GET", "/", null, "", "20261201T152850Z",
				"host;x-amz-date;x-missing", "530b2e698bee38f80c541b11e40cd007f8b2a7d88f3e5db8303c9729ac5d3d91");
		assertThat(this.verifier.verify(request)).extracting(ApiError::errorType).isEqualTo("InvalidSignatureException");
	}

	private static HttpRequestMessage botocoreRequest(String method, String path, String query, String body,
			String amzDate, String signedHeaders, String signature) {
		List<HttpRequestMessage.Header> headers = new ArrayList<>();
		if (signedHeaders.contains("content-type")) {
			headers.add(new HttpRequestMessage.Header("Content-Type", "application/json"));
		}
		headers.add(new HttpRequestMessage.Header("Host", "example.amazonaws.com"));
		headers.add(new HttpRequestMessage.Header("X-Amz-Date", amzDate));
		headers.add(new HttpRequestMessage.Header("Authorization", "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/"
				+ amzDate.substring(0, 8) + "/us-east-1/service/aws4_request, SignedHeaders=" + signedHeaders
				+ ", Signature=" + signature));
		return new HttpRequestMessage(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8));
	}

	/** Signs with the SDK's public signer and returns the request as the emulator would receive it. */
	private static HttpRequestMessage sdkSigned(String method, String path, Map<String, String> query,
			String signedBody, String sentBody) {
		SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
			.uri(URI.create("http://127.0.0.1:8099"))
			.method(SdkHttpMethod.fromValue(method))
			.encodedPath(SdkHttpUtils.urlEncodeIgnoreSlashes(path))
			.putHeader("Content-Type", "application/json");
		query.forEach(unsigned::putRawQueryParameter);
		SdkHttpRequest signed = AwsV4HttpSigner.create()
			.sign((sign) -> sign.identity(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET))
				.request(unsigned.build())
				.payload(ContentStreamProvider.fromUtf8String(signedBody))
				.putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
				.putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "service")
				.putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(Instant.parse("2026-12-01T15:28:50Z"), ZoneOffset.UTC)))
			.request();
		List<HttpRequestMessage.Header> headers = new ArrayList<>();
		headers.add(new HttpRequestMessage.Header("Host", "127.0.0.1:8099"));
		signed.forEachHeader((name, values) -> values.stream()
			.filter((value) -> !name.equalsIgnoreCase("Host"))
			.forEach((value) -> headers.add(new HttpRequestMessage.Header(name, value))));
		return new HttpRequestMessage(method, signed.encodedPath(), signed.getUri().getRawQuery(), headers,
				sentBody.getBytes(StandardCharsets.UTF_8));
	}

}
