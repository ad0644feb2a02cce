package io.github.codeartifact.repository;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

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
 * repository and format share one call; a failure is not kept: the next caller tries again.
 * Failures are classified like token failures ({@link CodeArtifactSdkFailure}) and thrown as
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

	private final CodeartifactClient client;

	private final String domain;

	private final @Nullable String owner;

	private final Map<Key, CompletableFuture<URI>> endpoints = new ConcurrentHashMap<>();

	private final Set<String> origins = ConcurrentHashMap.newKeySet();

	/**
	 * Creates endpoints for a domain.
	 * @param client the CodeArtifact client
	 * @param domain the domain
	 * @param owner the AWS account that owns the domain, or {@code null} for the caller's own
	 */
	public CodeArtifactRepositoryEndpoints(CodeartifactClient client, String domain, @Nullable String owner) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.domain = Objects.requireNonNull(domain, "domain must not be null");
		this.owner = owner;
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
		CompletableFuture<URI> resolution = new CompletableFuture<>();
		CompletableFuture<URI> existing = this.endpoints.putIfAbsent(key, resolution);
		if (existing != null) {
			return await(existing);
		}
		try {
			URI endpoint = resolve(key);
			this.origins.add(origin(endpoint));
			resolution.complete(endpoint);
			return endpoint;
		}
		catch (RuntimeException | Error ex) {
			// Failures are not kept: remove before completing, so a later caller tries again.
			this.endpoints.remove(key, resolution);
			resolution.completeExceptionally(ex);
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

	private static URI await(CompletableFuture<URI> resolution) {
		try {
			return resolution.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
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

}
