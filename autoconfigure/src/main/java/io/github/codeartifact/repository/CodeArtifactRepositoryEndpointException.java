package io.github.codeartifact.repository;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

/**
 * Thrown when the endpoint of a repository cannot be resolved with GetRepositoryEndpoint. The
 * sibling of {@link io.github.codeartifact.token.CodeArtifactTokenException}, classified the same
 * way: it carries the AWS error code (such as {@code ResourceNotFoundException} for an unknown
 * repository), the domain, the repository, the format, whether the failure is worth retrying soon
 * and the {@code Retry-After} the service asked for.
 */
public class CodeArtifactRepositoryEndpointException extends RuntimeException {

	private final @Nullable String errorCode;

	private final String domain;

	private final String repository;

	private final PackageFormat format;

	private final boolean retryable;

	private final @Nullable Duration retryAfter;

	public CodeArtifactRepositoryEndpointException(String message, @Nullable String errorCode, String domain,
			String repository, PackageFormat format, boolean retryable, @Nullable Duration retryAfter,
			@Nullable Throwable cause) {
		super(message, cause);
		this.errorCode = errorCode;
		this.domain = domain;
		this.repository = repository;
		this.format = format;
		this.retryable = retryable;
		this.retryAfter = retryAfter;
	}

	/**
	 * Returns the AWS error code, such as {@code ResourceNotFoundException}, or {@code null} when the
	 * failure did not come from the service (an I/O error, a timeout).
	 * @return the error code or {@code null}
	 */
	public @Nullable String getErrorCode() {
		return this.errorCode;
	}

	/**
	 * Returns the CodeArtifact domain of the repository.
	 * @return the domain
	 */
	public String getDomain() {
		return this.domain;
	}

	/**
	 * Returns the repository whose endpoint was asked for.
	 * @return the repository
	 */
	public String getRepository() {
		return this.repository;
	}

	/**
	 * Returns the package format whose endpoint was asked for.
	 * @return the format
	 */
	public PackageFormat getFormat() {
		return this.format;
	}

	/**
	 * Returns whether the failure is transient (throttling, a server or I/O error) and worth
	 * retrying soon, as opposed to one that needs a fix (access denied, an unknown repository).
	 * @return whether the failure is retryable
	 */
	public boolean isRetryable() {
		return this.retryable;
	}

	/**
	 * Returns how long the service asked callers to wait before trying again.
	 * @return the delay, or {@code null} when the service did not say
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}
