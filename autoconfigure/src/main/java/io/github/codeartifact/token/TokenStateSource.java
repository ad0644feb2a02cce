package io.github.codeartifact.token;

/**
 * Shows where a token provider's refresh stands, without the token: the state that the
 * {@code codeartifact} actuator endpoint, health indicator and meters read. The starter's
 * {@link RefreshingCodeArtifactTokenProvider} implements it; an application's own
 * {@link CodeArtifactTokenProvider} implements it too to get the same observability.
 */
@FunctionalInterface
public interface TokenStateSource {

	/**
	 * Returns a snapshot of the refresh: status, the current token's expiration and issue time, the
	 * next refresh and the last failure. Called on every actuator read, so it must not block on a
	 * fetch.
	 * @return the state, never holding the token value
	 */
	TokenState state();

}
