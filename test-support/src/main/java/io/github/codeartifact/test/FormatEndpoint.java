package io.github.codeartifact.test;

/**
 * Serves one package format behind the repository endpoints, once the token was checked.
 */
interface FormatEndpoint {

	/**
	 * Answers an authorized request.
	 * @param coordinates where the request points
	 * @param request the request
	 * @return the reply
	 */
	HttpReply answer(PackageRepository.Coordinates coordinates, HttpRequestMessage request);

}
