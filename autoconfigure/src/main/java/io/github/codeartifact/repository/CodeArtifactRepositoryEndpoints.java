package io.github.codeartifact.repository;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.codeartifact.token.CodeArtifactSdkFailure;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.GetRepositoryEndpointRequest;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

/**
 * Resolves the endpoints of the repositories of one CodeArtifact domain with GetRepositoryEndpoint.
 * <p>
 * An endpoint does not change for the life of a repository, so each one is resolved once and kept
 * for the life of this object (the application context). Concurrent callers for the same
 * repository and format share one call, and wait for it at most the client's API call timeout plus
 * a second. A failure is held for a second, or the service's {@code Retry-After} when longer:
 * callers within that time get it without a new call, so that a failing service is not called
 * once per caller; the first caller after it tries again. Failures are classified like token
 * failures ({@link CodeArtifactSdkFailure}) and thrown as
 * {@link CodeArtifactRepositoryEndpointException}.
 * <p>
 * The origins (scheme, host and port) of the resolved endpoints are recorded, so the HTTP
 * authentication of {@code io.github.codeartifact.http} sends the token to them, see
 * {@link #isResolvedOrigin(URI)}.
 * <p>
 * Formats are the AWS SDK's {@link PackageFormat}: it is the type the API takes, it names every
 * format CodeArtifact serves and new ones arrive with the SDK.
 */
public final class CodeArtifactRepositoryEndpoints {

	/** How long a failed resolution is held when the service does not ask for longer. */
	static final Duration FAILURE_HOLD = Duration.ofSeconds(1);

	/**
	 * How much longer than the client's API call timeout a caller waits for another caller's call:
	 * the time for the client's timer to end that call and for its outcome to reach the waiters.
	 */
	static final Duration WAIT_SLACK = Duration.ofSeconds(1);

	/**
	 * The API call timeout assumed for a client that has none: the default of
	 * {@code codeartifact.client.api-call-timeout}.
	 */
	static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

	private final CodeartifactClient client;

	private final String domain;

	private final @Nullable String owner;

	private final Duration callTimeout;

	private final Duration maxWait;

	private final Clock clock;

	private final Map<Key, Resolution> resolutions = new ConcurrentHashMap<>();

	private final Set<String> origins = ConcurrentHashMap.newKeySet();

	/**
	 * Creates endpoints for a domain, whose callers wait for another caller's call at most the
	 * client's API call timeout (30 s for a client without one) plus a second, and whose failures
	 * are held on the system clock.
	 * @param client the CodeArtifact client
	 * @param domain the domain
	 * @param owner the AWS account that owns the domain, or {@code null} for the caller's own
	 */
	public CodeArtifactRepositoryEndpoints(CodeartifactClient client, String domain, @Nullable String owner) {
		this(client, domain, owner, callTimeoutOf(client), Clock.systemUTC());
	}

	/**
	 * Creates endpoints for a domain.
	 * @param client the CodeArtifact client
	 * @param domain the domain
	 * @param owner the AWS account that owns the domain, or {@code null} for the caller's own
	 * @param callTimeout the longest a GetRepositoryEndpoint call of the client takes (its API call
	 * timeout): a caller waits for another caller's call at most this plus a second
	 * @param clock the clock that failures are held on
	 */
	public CodeArtifactRepositoryEndpoints(CodeartifactClient client, String domain, @Nullable String owner,
			Duration callTimeout, Clock clock) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.domain = Objects.requireNonNull(domain, "domain must not be null");
		this.owner = owner;
		Objects.requireNonNull(callTimeout, "callTimeout must not be null");
		if (callTimeout.isNegative() || callTimeout.isZero()) {
			throw new IllegalArgumentException("callTimeout must be positive, not " + callTimeout);
		}
		this.callTimeout = callTimeout;
		this.maxWait = callTimeout.plus(WAIT_SLACK);
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	private static Duration callTimeoutOf(CodeartifactClient client) {
		try {
			return client.serviceClientConfiguration()
				.overrideConfiguration()
				.apiCallTimeout()
				.orElse(DEFAULT_CALL_TIMEOUT);
		}
		catch (RuntimeException ex) {
			// A client that does not describe its configuration (a test double, say)
			return DEFAULT_CALL_TIMEOUT;
		}
	}

	/**
	 * Returns how long a caller waits for another caller's call before giving up.
	 * @return the API call timeout plus {@link #WAIT_SLACK}
	 */
	Duration maxWait() {
		return this.maxWait;
	}

	/**
	 * Returns the endpoint of a repository for a package format, such as
	 * {@code https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/}.
	 * It always ends with a slash, so paths resolve below it.
	 * @param repository the repository name
	 * @param format the package format
	 * @return the endpoint
	 * @throws CodeArtifactRepositoryEndpointException when it cannot be resolved
	 * @throws IllegalArgumentException for a blank repository or an unknown format
	 */
	public URI endpoint(String repository, PackageFormat format) {
		Objects.requireNonNull(repository, "repository must not be null");
		Objects.requireNonNull(format, "format must not be null");
		if (repository.isBlank()) {
			throw new IllegalArgumentException("repository must not be blank");
		}
		if (format == PackageFormat.UNKNOWN_TO_SDK_VERSION) {
			throw new IllegalArgumentException("format must be a known package format");
		}
		Key key = new Key(repository, format);
		while (true) {
			Resolution current = this.resolutions.get(key);
			if (current != null && !current.isHoldOver(this.clock.instant())) {
				return await(key, current);
			}
			Resolution mine = new Resolution();
			boolean resolver = (current != null) ? this.resolutions.replace(key, current, mine)
					: this.resolutions.putIfAbsent(key, mine) == null;
			if (resolver) {
				return resolveAndShare(key, mine);
			}
			// Another caller became the resolver first: wait for it
		}
	}

	private URI resolveAndShare(Key key, Resolution resolution) {
		try {
			URI endpoint = resolve(key);
			this.origins.add(origin(endpoint));
			resolution.outcome.complete(endpoint);
			return endpoint;
		}
		catch (CodeArtifactRepositoryEndpointException ex) {
			// Held before the waiters wake, so that none of them starts a call of its own
			Duration retryAfter = ex.getRetryAfter();
			Duration hold = (retryAfter != null && retryAfter.compareTo(FAILURE_HOLD) > 0) ? retryAfter : FAILURE_HOLD;
			Instant now = this.clock.instant();
			resolution.held = new HeldFailure(now, now.plus(hold));
			resolution.outcome.completeExceptionally(ex);
			throw ex;
		}
		catch (RuntimeException | Error ex) {
			// Unexpected, not a classified failure: not held, a later caller tries again.
			this.resolutions.remove(key, resolution);
			resolution.outcome.completeExceptionally(ex);
			throw ex;
		}
	}

	/**
	 * Returns whether a URI has the scheme, host and port of an endpoint resolved so far.
	 * @param uri the URI of a request
	 * @return whether it points at a resolved repository endpoint
	 */
	public boolean isResolvedOrigin(URI uri) {
		return uri.getHost() != null && this.origins.contains(origin(uri));
	}

	/**
	 * Returns the origins ({@code scheme://host:port}) of the endpoints resolved so far.
	 * @return an immutable snapshot
	 */
	public Set<String> resolvedOrigins() {
		return Set.copyOf(this.origins);
	}

	private URI resolve(Key key) {
		GetRepositoryEndpointRequest request = GetRepositoryEndpointRequest.builder()
			.domain(this.domain)
			.domainOwner(this.owner)
			.repository(key.repository())
			.format(key.format())
			.build();
		String endpoint;
		try {
			endpoint = this.client.getRepositoryEndpoint(request).repositoryEndpoint();
		}
		catch (SdkException ex) {
			CodeArtifactSdkFailure failure = CodeArtifactSdkFailure.of(ex);
			throw failure(key, failure.errorCode(), failure.detail(), failure.retryable(), failure, ex);
		}
		URI uri = parse(endpoint);
		if (uri == null) {
			throw failure(key, "MalformedResponse", "the answer has no absolute http or https endpoint", true,
					null, null);
		}
		return uri;
	}

	private static @Nullable URI parse(@Nullable String endpoint) {
		if (endpoint == null || endpoint.isEmpty()) {
			return null;
		}
		try {
			URI uri = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
			String scheme = uri.getScheme();
			boolean web = "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
			return (web && uri.getHost() != null) ? uri : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private CodeArtifactRepositoryEndpointException failure(Key key, @Nullable String errorCode, String detail,
			boolean retryable, @Nullable CodeArtifactSdkFailure sdkFailure, @Nullable Throwable cause) {
		StringBuilder message = new StringBuilder("GetRepositoryEndpoint failed for repository '")
			.append(key.repository())
			.append("' (")
			.append(key.format())
			.append(") in domain '")
			.append(this.domain)
			.append("'");
		if (this.owner != null) {
			message.append(" (owner ").append(this.owner).append(")");
		}
		if (errorCode != null) {
			message.append(": ").append(errorCode);
		}
		message.append(": ").append(detail);
		return new CodeArtifactRepositoryEndpointException(message.toString(), errorCode, this.domain,
				key.repository(), key.format(), retryable, (sdkFailure != null) ? sdkFailure.retryAfter() : null,
				cause);
	}

	private URI await(Key key, Resolution resolution) {
		try {
			return resolution.outcome.get(this.maxWait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			HeldFailure held = resolution.held;
			if (cause instanceof CodeArtifactRepositoryEndpointException failure && held != null) {
				throw held.toException(failure);
			}
			if (cause instanceof RuntimeException failure) {
				throw failure;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(cause);
		}
		catch (TimeoutException ex) {
			throw failure(key, null,
					"another caller's call did not complete within " + this.maxWait + " (the client's API call timeout "
							+ this.callTimeout + " plus " + WAIT_SLACK + "); try again later",
					true, null, null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failure(key, null, "interrupted while waiting for another caller's call", true, null, ex);
		}
	}

	static String origin(URI uri) {
		String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
		String host = String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT);
		return scheme + "://" + host + ":" + effectivePort(scheme, uri.getPort());
	}

	private static int effectivePort(String scheme, int port) {
		if (port >= 0) {
			return port;
		}
		return "http".equals(scheme) ? 80 : 443;
	}

	private record Key(String repository, PackageFormat format) {
	}

	/**
	 * One resolution of a key: in flight, resolved, or failed and held.
	 */
	private static final class Resolution {

		private final CompletableFuture<URI> outcome = new CompletableFuture<>();

		/** Set before the outcome fails with a service failure. */
		private volatile @Nullable HeldFailure held;

		/**
		 * Whether this is a failure whose hold is over, so that the next caller tries again.
		 */
		boolean isHoldOver(Instant now) {
			HeldFailure failure = this.held;
			return failure != null && failure.isOver(now);
		}

	}

	/**
	 * When a failure was held, and until when.
	 */
	private record HeldFailure(Instant since, Instant until) {

		boolean isOver(Instant now) {
			// A clock stepped back before the failure ends the hold rather than prolonging it.
			return !now.isBefore(this.until) || now.isBefore(this.since);
		}

		CodeArtifactRepositoryEndpointException toException(CodeArtifactRepositoryEndpointException failure) {
			return new CodeArtifactRepositoryEndpointException(
					failure.getMessage() + " (held until " + this.until + ": no new call before then)",
					failure.getErrorCode(), failure.getDomain(), failure.getRepository(), failure.getFormat(),
					failure.isRetryable(), failure.getRetryAfter(), failure);
		}

	}

}
