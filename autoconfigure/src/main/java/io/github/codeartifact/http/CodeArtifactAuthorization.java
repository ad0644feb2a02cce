package io.github.codeartifact.http;

import java.net.URI;
import java.util.Objects;

import io.github.codeartifact.token.CodeArtifactTokenProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * What the interceptor and the filter share: which requests get the token, the header for the
 * current token, and the header after a 401.
 */
final class CodeArtifactAuthorization {

	private final CodeArtifactTokenProvider provider;

	private final CodeArtifactRepositoryHosts hosts;

	private final AuthScheme scheme;

	CodeArtifactAuthorization(CodeArtifactTokenProvider provider, CodeArtifactRepositoryHosts hosts,
			AuthScheme scheme) {
		this.provider = Objects.requireNonNull(provider, "provider must not be null");
		this.hosts = Objects.requireNonNull(hosts, "hosts must not be null");
		this.scheme = Objects.requireNonNull(scheme, "scheme must not be null");
	}

	/**
	 * Returns whether the token goes with a request: its URI is a repository URI and the caller did
	 * not set an {@code Authorization} header of their own.
	 */
	boolean appliesTo(URI uri, HttpHeaders headers) {
		return !headers.containsHeader(HttpHeaders.AUTHORIZATION) && this.hosts.matches(uri);
	}

	/**
	 * Returns the credential for the current token.
	 */
	Credential current() {
		return credential(this.provider.getToken());
	}

	/**
	 * Returns the credential to retry with after a 401: the token in service when another caller
	 * already replaced the rejected one, else a token fetched with one {@code refresh()}, or
	 * {@code null} when that gives the rejected token again ({@code refresh()} is rate-limited, so a
	 * repository that rejects every token cannot multiply calls, and a retry with the same token
	 * would only be rejected again).
	 * @throws io.github.codeartifact.token.CodeArtifactTokenException when no new token can be had
	 */
	@Nullable Credential renewed(Credential rejected) {
		String current = this.provider.getToken();
		if (!current.equals(rejected.token)) {
			return credential(current);
		}
		String refreshed = this.provider.refresh().token();
		return refreshed.equals(rejected.token) ? null : credential(refreshed);
	}

	private Credential credential(String token) {
		return new Credential(token, this.scheme.headerValue(token));
	}

	/**
	 * A token and its header value. {@link #toString()} shows neither.
	 */
	static final class Credential {

		private final String token;

		private final String headerValue;

		private Credential(String token, String headerValue) {
			this.token = token;
			this.headerValue = headerValue;
		}

		String headerValue() {
			return this.headerValue;
		}

		@Override
		public String toString() {
			return "Credential[******]";
		}

	}

}
