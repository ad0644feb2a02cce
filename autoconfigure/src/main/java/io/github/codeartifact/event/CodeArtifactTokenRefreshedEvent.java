package io.github.codeartifact.event;

import java.time.Duration;

import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenProvider;

import org.springframework.context.ApplicationEvent;

/**
 * Published after a new CodeArtifact authorization token was fetched. {@link #toString()} never shows
 * the token.
 */
public class CodeArtifactTokenRefreshedEvent extends ApplicationEvent {

	private final String domain;

	private final AuthorizationToken token;

	private final Duration elapsed;

	/**
	 * Creates a new event.
	 * @param source the provider that fetched the token
	 * @param domain the domain of the token
	 * @param token the new token
	 * @param elapsed how long the call took
	 */
	public CodeArtifactTokenRefreshedEvent(CodeArtifactTokenProvider source, String domain, AuthorizationToken token,
			Duration elapsed) {
		super(source);
		this.domain = domain;
		this.token = token;
		this.elapsed = elapsed;
	}

	/**
	 * Returns the provider that fetched the token.
	 * @return the provider
	 */
	public CodeArtifactTokenProvider getProvider() {
		return (CodeArtifactTokenProvider) getSource();
	}

	/**
	 * Returns the domain of the token.
	 * @return the domain
	 */
	public String getDomain() {
		return this.domain;
	}

	/**
	 * Returns the new token.
	 * @return the token
	 */
	public AuthorizationToken getToken() {
		return this.token;
	}

	/**
	 * Returns how long the call took.
	 * @return the elapsed time
	 */
	public Duration getElapsed() {
		return this.elapsed;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[domain=" + this.domain + ", token=" + this.token + ", elapsed="
				+ this.elapsed + "]";
	}

}
