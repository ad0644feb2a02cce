package io.github.codeartifact.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.AccessDeniedException;
import software.amazon.awssdk.services.codeartifact.model.CodeartifactException;
import software.amazon.awssdk.services.codeartifact.model.ConflictException;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenRequest;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenResponse;
import software.amazon.awssdk.services.codeartifact.model.InternalServerException;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeartifact.model.ThrottlingException;
import software.amazon.awssdk.services.codeartifact.model.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SdkAuthorizationTokenFetcher}, against a hand-written client.
 */
class SdkAuthorizationTokenFetcherTests {

	private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

	private static final String SECRET = "secret-token-from-the-service";

	private final StubClient client = new StubClient();

	private SdkAuthorizationTokenFetcher fetcher(String owner, Duration duration) {
		return new SdkAuthorizationTokenFetcher(this.client, "my-domain", owner, duration,
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void fetchesWithDomainOwnerAndDuration() {
		this.client.answer = () -> GetAuthorizationTokenResponse.builder()
			.authorizationToken(SECRET)
			.expiration(NOW.plus(Duration.ofHours(12)))
			.build();
		AuthorizationToken token = fetcher("123456789012", Duration.ofHours(12)).fetch();
		assertThat(token.token()).isEqualTo(SECRET);
		assertThat(token.expiration()).isEqualTo(NOW.plus(Duration.ofHours(12)));
		assertThat(token.issuedAt()).isEqualTo(NOW);
		assertThat(this.client.request.domain()).isEqualTo("my-domain");
		assertThat(this.client.request.domainOwner()).isEqualTo("123456789012");
		assertThat(this.client.request.durationSeconds()).isEqualTo(43200L);
	}

	@ParameterizedTest(name = "service clock {0} min off")
	@CsvSource({ "10", "-10", "0" })
	void expirationIsPutOnTheLocalClockByTheServiceDateHeader(long minutesOff) {
		Instant serviceNow = NOW.plus(Duration.ofMinutes(minutesOff));
		this.client.answer = () -> (GetAuthorizationTokenResponse) GetAuthorizationTokenResponse.builder()
			.authorizationToken(SECRET)
			.expiration(serviceNow.plus(Duration.ofHours(1)))
			.sdkHttpResponse(SdkHttpResponse.builder()
				.statusCode(200)
				.putHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(serviceNow.atOffset(ZoneOffset.UTC)))
				.build())
			.build();
		AuthorizationToken token = fetcher(null, Duration.ofHours(1)).fetch();
		// Never later than the real expiry, one hour from now on the local clock
		assertThat(token.expiration()).isBetween(NOW.plus(Duration.ofHours(1)).minusSeconds(2),
				NOW.plus(Duration.ofHours(1)));
		assertThat(token.issuedAt()).isEqualTo(NOW);
	}

	@Test
	void omitsAMissingOwnerAndAllowsZeroDuration() {
		this.client.answer = () -> GetAuthorizationTokenResponse.builder()
			.authorizationToken(SECRET)
			.expiration(NOW.plusSeconds(20))
			.build();
		fetcher(null, Duration.ZERO).fetch();
		assertThat(this.client.request.domainOwner()).isNull();
		assertThat(this.client.request.durationSeconds()).isZero();
	}

	@Test
	void answerWithoutTokenIsMalformed() {
		this.client.answer = () -> GetAuthorizationTokenResponse.builder().expiration(NOW.plusSeconds(60)).build();
		assertFailure(null, "MalformedResponse", true, null);
	}

	@Test
	void answerWithoutExpirationIsMalformed() {
		this.client.answer = () -> GetAuthorizationTokenResponse.builder().authorizationToken(SECRET).build();
		CodeArtifactTokenException failure = assertFailure(null, "MalformedResponse", true, null);
		assertThat(failure.getMessage()).doesNotContain(SECRET);
		assertThat(failure.getCause()).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("serviceFailures")
	void classifiesServiceFailures(String name, AwsServiceException exception, String errorCode, boolean retryable,
			Duration retryAfter) {
		answerWith(exception);
		CodeArtifactTokenException failure = assertFailure(exception, errorCode, retryable, retryAfter);
		assertThat(failure.getMessage()).contains("my-domain").contains("123456789012").contains(errorCode)
			.contains("the service says no");
	}

	static Stream<Arguments> serviceFailures() {
		return Stream.of(
				Arguments.of("throttled", service(ThrottlingException.builder().retryAfterSeconds(3), 429,
						"ThrottlingException"), "ThrottlingException", true, Duration.ofSeconds(3)),
				failure("throttled without Retry-After", ThrottlingException.builder(), 429, "ThrottlingException", true),
				failure("internal error", InternalServerException.builder(), 500, "InternalServerException", true),
				failure("503", CodeartifactException.builder(), 503, "ServiceUnavailable", true),
				failure("generic 429", CodeartifactException.builder(), 429, "TooManyRequestsException", true),
				failure("408", CodeartifactException.builder(), 408, "RequestTimeout", true),
				failure("clock skew", CodeartifactException.builder(), 403, "RequestTimeTooSkewed", true),
				failure("access denied", AccessDeniedException.builder(), 403, "AccessDeniedException", false),
				failure("validation", ValidationException.builder(), 400, "ValidationException", false),
				failure("unknown domain", ResourceNotFoundException.builder(), 404, "ResourceNotFoundException", false),
				failure("conflict", ConflictException.builder(), 409, "ConflictException", false),
				credentials("UnrecognizedClientException"), credentials("InvalidSignatureException"),
				credentials("ExpiredTokenException"), credentials("InvalidClientTokenId"),
				credentials("SignatureDoesNotMatch"), credentials("MissingAuthenticationToken"));
	}

	/**
	 * One row of {@link #serviceFailures()}: the service answers with that status and
	 * error code, which the failure reports, with no Retry-After.
	 */
	private static Arguments failure(String name, AwsServiceException.Builder builder, int status, String errorCode,
			boolean retryable) {
		return Arguments.of(name, service(builder, status, errorCode), errorCode, retryable, null);
	}

	private static Arguments credentials(String errorCode) {
		return failure(errorCode, CodeartifactException.builder(), 403, errorCode, false);
	}

	private static AwsServiceException service(AwsServiceException.Builder builder, int status, String errorCode) {
		return builder.statusCode(status)
			.awsErrorDetails(AwsErrorDetails.builder()
				.errorCode(errorCode)
				.errorMessage("the service says no")
				.serviceName("codeartifact")
				.build())
			.build();
	}

	@Test
	void ioFailureIsRetryable() {
		SdkClientException exception = SdkClientException.create("Unable to execute HTTP request: Connection reset");
		answerWith(exception);
		assertFailure(exception, null, true, null);
	}

	@Test
	void timeoutIsRetryable() {
		ApiCallTimeoutException exception = ApiCallTimeoutException.create(1000);
		answerWith(exception);
		assertFailure(exception, null, true, null);
	}

	@Test
	void credentialsThatCannotBeLoadedAreRetryable() {
		SdkClientException exception = SdkClientException
			.create("Unable to load credentials from any of the providers in the chain");
		answerWith(exception);
		CodeArtifactTokenException failure = assertFailure(exception, null, true, null);
		assertThat(failure.getMessage()).contains("credentials could not be loaded");
	}

	@Test
	void otherSdkFailureIsRetryable() {
		SdkException exception = SdkException.create("odd", null);
		answerWith(exception);
		assertFailure(exception, null, true, null);
	}

	private void answerWith(RuntimeException exception) {
		this.client.answer = () -> {
			throw exception;
		};
	}

	private CodeArtifactTokenException assertFailure(Throwable cause, String errorCode, boolean retryable,
			Duration retryAfter) {
		CodeArtifactTokenException failure = catchFailure();
		assertThat(failure.getErrorCode()).isEqualTo(errorCode);
		assertThat(failure.isRetryable()).isEqualTo(retryable);
		assertThat(failure.getRetryAfter()).isEqualTo(retryAfter);
		assertThat(failure.getDomain()).isEqualTo("my-domain");
		assertThat(failure.getMessage()).contains("my-domain").doesNotContain(SECRET);
		if (cause != null) {
			assertThat(failure.getCause()).isSameAs(cause);
		}
		return failure;
	}

	private CodeArtifactTokenException catchFailure() {
		SdkAuthorizationTokenFetcher fetcher = fetcher("123456789012", Duration.ofHours(1));
		return org.assertj.core.api.Assertions.catchThrowableOfType(CodeArtifactTokenException.class, fetcher::fetch);
	}

	@Test
	void unexpectedRuntimeExceptionPropagates() {
		answerWith(new IllegalStateException("bug"));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(fetcher(null, Duration.ZERO)::fetch);
	}

	private static final class StubClient implements CodeartifactClient {

		Supplier<GetAuthorizationTokenResponse> answer;

		GetAuthorizationTokenRequest request;

		@Override
		public GetAuthorizationTokenResponse getAuthorizationToken(GetAuthorizationTokenRequest request) {
			this.request = request;
			return this.answer.get();
		}

		@Override
		public String serviceName() {
			return "codeartifact";
		}

		@Override
		public void close() {
		}

	}

}
