package io.github.codeartifact.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The context of one GetAuthorizationToken call: the domain it asks a token for and whether it
 * got one; a failure is the observation's {@linkplain #getError() error}. It never holds the token.
 */
public class CodeArtifactTokenObservationContext extends Observation.Context {

	private final String domain;

	private final @Nullable String owner;

	private volatile boolean fetched;

	/**
	 * Creates the context of a call.
	 * @param domain the domain
	 * @param owner the AWS account that owns the domain, or {@code null} when not set
	 */
	public CodeArtifactTokenObservationContext(String domain, @Nullable String owner) {
		this.domain = domain;
		this.owner = owner;
	}

	/**
	 * Returns the domain the call asks a token for.
	 * @return the domain
	 */
	public String getDomain() {
		return this.domain;
	}

	/**
	 * Returns the AWS account that owns the domain.
	 * @return the owner, or {@code null} when not set
	 */
	public @Nullable String getOwner() {
		return this.owner;
	}

	/**
	 * Returns whether the call returned a token.
	 * @return whether a token was fetched
	 */
	public boolean isFetched() {
		return this.fetched;
	}

	/**
	 * Records that the call returned a token.
	 */
	public void fetched() {
		this.fetched = true;
	}

}
