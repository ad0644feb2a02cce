package io.github.codeartifact.autoconfigure;

import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.github.codeartifact.token.CodeArtifactTokenProvider;

/**
 * The {@link CodeArtifactTokenProvider} of an application that turned the starter off with
 * {@code codeartifact.enabled=false}: the application can inject it and start, and every call throws
 * a {@link CodeArtifactTokenException} that names the property.
 */
public final class DisabledCodeArtifactTokenProvider implements CodeArtifactTokenProvider {

	/** Why no token can be had, for the exception and the health details. */
	public static final String REASON = "The CodeArtifact token provider is turned off by "
			+ CodeArtifactProperties.PREFIX + ".enabled=false";

	private final String domain;

	/**
	 * Creates a provider that refuses every call.
	 * @param domain the configured domain, or an empty string when none is set
	 */
	public DisabledCodeArtifactTokenProvider(String domain) {
		this.domain = domain;
	}

	@Override
	public AuthorizationToken getAuthorizationToken() {
		throw disabled();
	}

	@Override
	public AuthorizationToken refresh() {
		throw disabled();
	}

	private CodeArtifactTokenException disabled() {
		return new CodeArtifactTokenException(REASON + ": no token can be had. Set " + CodeArtifactProperties.PREFIX
				+ ".enabled=true (the default) and " + CodeArtifactProperties.PREFIX
				+ ".domain to get tokens, or do not call the provider while it is off.", null, this.domain, false,
				null);
	}

}
