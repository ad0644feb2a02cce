package io.github.codeartifact.autoconfigure;

import io.github.codeartifact.token.CodeArtifactTokenException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when fail-fast startup could not get the first CodeArtifact token. Carries the domain, the
 * owner and the region that were asked, for {@link CodeArtifactTokenFailureAnalyzer}; the cause is the
 * {@link CodeArtifactTokenException} with the AWS error code.
 */
public class CodeArtifactTokenStartupException extends RuntimeException {

	private final String domain;

	private final @Nullable String owner;

	private final @Nullable String region;

	private final @Nullable String endpoint;

	/**
	 * Creates a new exception.
	 * @param domain the domain
	 * @param owner the owner, or {@code null} when not set
	 * @param region the region of the client, or {@code null} when unknown
	 * @param endpoint the endpoint the client called and where it came from, or {@code null} when
	 * unknown
	 * @param cause the failure of the first fetch
	 */
	public CodeArtifactTokenStartupException(String domain, @Nullable String owner, @Nullable String region,
			@Nullable String endpoint, CodeArtifactTokenException cause) {
		super("Could not get a CodeArtifact authorization token for domain '" + domain + "' (owner "
				+ ((owner != null) ? owner : "not set") + ", region " + ((region != null) ? region : "unknown")
				+ "): " + cause.getMessage(), cause);
		this.domain = domain;
		this.owner = owner;
		this.region = region;
		this.endpoint = endpoint;
	}

	/**
	 * Returns the domain.
	 * @return the domain
	 */
	public String getDomain() {
		return this.domain;
	}

	/**
	 * Returns the owner.
	 * @return the owner, or {@code null} when not set
	 */
	public @Nullable String getOwner() {
		return this.owner;
	}

	/**
	 * Returns the region.
	 * @return the region, or {@code null} when unknown
	 */
	public @Nullable String getRegion() {
		return this.region;
	}

	/**
	 * Returns the endpoint the client called and where it came from.
	 * @return the endpoint, or {@code null} when unknown
	 */
	public @Nullable String getEndpoint() {
		return this.endpoint;
	}

	@Override
	public synchronized CodeArtifactTokenException getCause() {
		return (CodeArtifactTokenException) super.getCause();
	}

}
