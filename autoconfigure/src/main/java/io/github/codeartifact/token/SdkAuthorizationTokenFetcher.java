package io.github.codeartifact.token;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenRequest;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenResponse;

/**
 * An {@link AuthorizationTokenFetcher} that calls GetAuthorizationToken with the AWS SDK and
 * classifies its failures with {@link CodeArtifactSdkFailure}:
 * <ul>
 * <li>retryable: throttling (with its {@code Retry-After}), internal server errors, any 5xx, 408,
 * 429, clock skew, client-side failures (I/O, timeouts, unreadable answers), credentials that could
 * not be loaded, and an answer without a token or an expiration ({@code MalformedResponse});</li>
 * <li>not retryable: access denied, validation errors, an unknown domain, rejected credentials and
 * any other 4xx.</li>
 * </ul>
 * Credentials that could not be loaded are retryable: the call never reached AWS, so retrying
 * costs the service nothing, and the sources of the default chain (instance metadata, container
 * endpoint, web identity file) are often briefly unavailable at startup or during a rotation. When
 * no source of the chain has any, or a connection to an explicit endpoint is refused, the failure
 * is a {@linkplain CodeArtifactTokenException#isSetupFailure() set-up failure}: startup fails at
 * once, and the background refresh keeps retrying.
 * <p>
 * The expiration is put on the local clock with the service's {@code Date} header
 * ({@link ServiceClockSkew}), so that a skewed local clock never serves a token past its real
 * expiry; the issue time is the local clock at the start of the call.
 * <p>
 * Neither the response nor the token is ever logged or put in a message: the response's
 * {@code toString()} shows the token.
 */
public final class SdkAuthorizationTokenFetcher implements AuthorizationTokenFetcher {

	private final CodeartifactClient client;

	private final String domain;

	private final @Nullable String domainOwner;

	private final Duration duration;

	private final Clock clock;

	/**
	 * Creates a fetcher.
	 * @param client the CodeArtifact client, configured with region and credentials
	 * @param domain the domain
	 * @param domainOwner the AWS account that owns the domain, or {@code null} for the caller's own
	 * @param duration the lifetime to ask for, in whole seconds; zero asks for the remaining time of
	 * the caller's role session
	 * @param clock the clock that stamps each token's issue time
	 */
	public SdkAuthorizationTokenFetcher(CodeartifactClient client, String domain, @Nullable String domainOwner,
			Duration duration, Clock clock) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.domain = Objects.requireNonNull(domain, "domain must not be null");
		this.domainOwner = domainOwner;
		this.duration = Objects.requireNonNull(duration, "duration must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public AuthorizationToken fetch() {
		Instant issuedAt = this.clock.instant();
		GetAuthorizationTokenRequest request = GetAuthorizationTokenRequest.builder()
			.domain(this.domain)
			.domainOwner(this.domainOwner)
			.durationSeconds(this.duration.toSeconds())
			.build();
		GetAuthorizationTokenResponse response;
		try {
			response = this.client.getAuthorizationToken(request);
		}
		catch (SdkException ex) {
			CodeArtifactSdkFailure failure = CodeArtifactSdkFailure.of(ex, explicitEndpoint());
			throw failure(failure.detail(), failure.errorCode(), failure.retryable(), failure.retryAfter(),
					failure.setupFailure(), ex);
		}
		Instant answeredAt = this.clock.instant();
		String token = response.authorizationToken();
		Instant expiration = response.expiration();
		if (token == null || token.isEmpty() || expiration == null) {
			throw failure("the answer has no " + ((expiration != null) ? "token" : "expiration"),
					"MalformedResponse", true, null, false, null);
		}
		Instant serviceDate = ServiceClockSkew.parseDate(serviceDateHeader(response));
		return new AuthorizationToken(token,
				ServiceClockSkew.localExpiration(expiration, serviceDate, issuedAt, answeredAt), issuedAt);
	}

	/** The endpoint the client was given, or {@code null}: none, or a client without configuration (a stub). */
	private @Nullable URI explicitEndpoint() {
		try {
			return this.client.serviceClientConfiguration().endpointOverride().orElse(null);
		}
		catch (UnsupportedOperationException ex) {
			return null;
		}
	}

	private static @Nullable String serviceDateHeader(GetAuthorizationTokenResponse response) {
		SdkHttpResponse http = response.sdkHttpResponse();
		return (http != null) ? http.firstMatchingHeader("Date").orElse(null) : null;
	}

	private CodeArtifactTokenException failure(String detail, @Nullable String errorCode, boolean retryable,
			@Nullable Duration retryAfter, boolean setupFailure, @Nullable Throwable cause) {
		StringBuilder message = new StringBuilder("GetAuthorizationToken failed for domain '").append(this.domain)
			.append("'");
		if (this.domainOwner != null) {
			message.append(" (owner ").append(this.domainOwner).append(")");
		}
		if (errorCode != null) {
			message.append(": ").append(errorCode);
		}
		message.append(": ").append(detail);
		return new CodeArtifactTokenException(message.toString(), errorCode, this.domain, retryable, retryAfter,
				setupFailure, cause);
	}

}
