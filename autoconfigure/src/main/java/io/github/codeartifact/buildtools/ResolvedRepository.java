package io.github.codeartifact.buildtools;

import java.net.URI;

/**
 * A configured repository with its endpoint, as GetRepositoryEndpoint returned it (ending with a
 * slash).
 *
 * @param repository the configured repository
 * @param endpoint its endpoint
 */
record ResolvedRepository(BuildToolRepository repository, URI endpoint) {

	/** Returns the endpoint without its scheme, as npm keys credentials: {@code //host:port/path/}. */
	String schemeRelative() {
		return "//" + this.endpoint.getRawAuthority() + this.endpoint.getRawPath();
	}

	/** Returns the endpoint with {@code aws:<token>@} as user information, for pip. */
	String withCredentials(String token, String path) {
		return this.endpoint.getScheme() + ":" + schemeRelative().replaceFirst("//", "//aws:" + token + "@") + path;
	}

}
