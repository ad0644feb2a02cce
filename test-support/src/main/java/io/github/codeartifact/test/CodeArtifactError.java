package io.github.codeartifact.test;

/**
 * The errors that the CodeArtifact service model declares for GetAuthorizationToken and
 * GetRepositoryEndpoint, with the HTTP status each one travels with.
 */
public enum CodeArtifactError {

	/**
	 * {@code AccessDeniedException}, HTTP 403.
	 */
	ACCESS_DENIED("AccessDeniedException", 403),

	/**
	 * {@code ValidationException}, HTTP 400.
	 */
	VALIDATION("ValidationException", 400),

	/**
	 * {@code ResourceNotFoundException}, HTTP 404.
	 */
	RESOURCE_NOT_FOUND("ResourceNotFoundException", 404),

	/**
	 * {@code ThrottlingException}, HTTP 429.
	 */
	THROTTLING("ThrottlingException", 429),

	/**
	 * {@code InternalServerException}, HTTP 500.
	 */
	INTERNAL_SERVER("InternalServerException", 500);

	private final String errorType;

	private final int status;

	CodeArtifactError(String errorType, int status) {
		this.errorType = errorType;
		this.status = status;
	}

	/**
	 * Returns the error code sent in the {@code x-amzn-ErrorType} header.
	 * @return the error code, for example {@code ThrottlingException}
	 */
	public String errorType() {
		return this.errorType;
	}

	/**
	 * Returns the HTTP status code of the error.
	 * @return the status code
	 */
	public int status() {
		return this.status;
	}

}
