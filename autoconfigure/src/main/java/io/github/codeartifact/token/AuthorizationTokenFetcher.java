package io.github.codeartifact.token;

/**
 * Makes one GetAuthorizationToken call. The refresh engine decides when and how often; an
 * implementation only translates one call and its failure.
 */
@FunctionalInterface
public interface AuthorizationTokenFetcher {

	/**
	 * Fetches a new token.
	 * @return the token, with the expiration the service returned
	 * @throws CodeArtifactTokenException on any failure, classified as retryable or not
	 */
	AuthorizationToken fetch();

}
