package io.github.codeartifact.test;

/**
 * What a call to the emulator asked for.
 */
public enum Operation {

	/**
	 * {@code POST /v1/authorization-token}.
	 */
	GET_AUTHORIZATION_TOKEN("GetAuthorizationToken", true),

	/**
	 * {@code GET /v1/repository/endpoint}.
	 */
	GET_REPOSITORY_ENDPOINT("GetRepositoryEndpoint", true),

	/**
	 * A request for a file of the token-gated package repository.
	 */
	PACKAGE_REQUEST("PackageRequest", false),

	/**
	 * A request that matched nothing the emulator serves.
	 */
	UNKNOWN("Unknown", false);

	private final String operationName;

	private final boolean api;

	Operation(String operationName, boolean api) {
		this.operationName = operationName;
		this.api = api;
	}

	/**
	 * Returns the operation name as the service model spells it.
	 * @return the name, for example {@code GetAuthorizationToken}
	 */
	public String operationName() {
		return this.operationName;
	}

	/**
	 * Returns whether this is a CodeArtifact API operation (which faults apply to).
	 * @return {@code true} for the API operations
	 */
	public boolean isApiOperation() {
		return this.api;
	}

}
